import { FakeWorld, makeUser } from './world';

/** A world with an admin and a plain user, the manage right given to `admin`, and a settings page that records writes. */
export function customStatusWorld() {
    const world = new FakeWorld();
    const admin = world.addUser(makeUser('admin1', { username: 'boss', roles: ['admin', 'user'] }));
    const user = world.addUser(makeUser('user1', { username: 'alice', roles: ['user'] }));
    const app = world.app();
    return { world, admin, user, app, settingWrites: () => world.settingWrites.filter((w) => w.id === 'custom_statuses').map((w) => String(w.value)) };
}
