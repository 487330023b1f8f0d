import { PRESENCE_SUBCOMMANDS, PresenceCommandInput, isPresenceSubcommand } from '../../../src/commands/subcommands/presenceSubcommands';
import { onUserLoggedIn } from '../../../src/listeners/PresenceListeners';
import { AppSetting } from '../../../src/settings/AppSetting';
import { FakeWorld } from './fakes';

function input(world: FakeWorld, id: string, roles: string[], language?: string): PresenceCommandInput {
    const sender = world.users.get(id) ?? world.addUser(id, roles);
    if (language) {
        (sender as { settings: unknown }).settings = { preferences: { language } };
    }
    const a = world.access();
    return { app: world.app(), sender, read: a.read, modify: a.modify, http: a.http!, persis: a.persis };
}

async function loginMany(world: FakeWorld, n: number) {
    for (let i = 0; i < n; i++) {
        const a = world.access();
        await onUserLoggedIn(world.app(), world.addUser(`u${i}`), a.read, a.http!, a.persis, a.modify);
    }
}

describe('presence slash subcommands', () => {
    it('recognizes its words only', () => {
        expect(isPresenceSubcommand('connections')).toBe(true);
        expect(isPresenceSubcommand('Enable')).toBe(true);
        expect(isPresenceSubcommand('busy')).toBe(false);
        expect(isPresenceSubcommand('toString')).toBe(false);
    });

    it('shows current / cap with a bar to admins, refuses others', async () => {
        const world = new FakeWorld();
        await loginMany(world, 50);
        const text = await PRESENCE_SUBCOMMANDS.connections(input(world, 'boss', ['admin']));
        expect(text).toBe('Connections: 50 / 200\n[█████░░░░░░░░░░░░░░░] 50 / 200 (25%)\nPresence service: on');
        expect(await PRESENCE_SUBCOMMANDS.connections(input(world, 'joe', ['user']))).toBe('You are not allowed to manage the presence service.');
        expect(await PRESENCE_SUBCOMMANDS.enable(input(world, 'joe', ['user']))).toBe('You are not allowed to manage the presence service.');
    });

    it("enable is refused over the cap (in the admin's language) and works under it", async () => {
        const world = new FakeWorld();
        world.appSettings[AppSetting.PresenceConnectionCap] = 3;
        await loginMany(world, 4);
        expect(world.appSettings[AppSetting.PresenceServiceEnabled]).toBe(false);
        const first = await PRESENCE_SUBCOMMANDS.connections(input(world, 'boss', ['admin']));
        expect(first).toMatch(/^Presence is inactive: this workspace exceeded its limit of 3 concurrent connections/);
        expect(first).toContain('Presence service: off');
        expect(await PRESENCE_SUBCOMMANDS.enable(input(world, 'boss', ['admin'], 'de'))).toBe(
            'Die Übertragung kann nicht aktiviert werden, solange es mehr als 3 Verbindungen gibt',
        );
        world.appSettings[AppSetting.PresenceConnectionCap] = 10;
        expect(await PRESENCE_SUBCOMMANDS.enable(input(world, 'root', ['admin']))).toBe('The presence service is on again (4 / 10 connections).');
        expect(world.appSettings[AppSetting.PresenceServiceEnabled]).toBe(true);
        expect(await PRESENCE_SUBCOMMANDS.enable(input(world, 'root', ['admin']))).toBe('The presence service is already on.');
        expect(await PRESENCE_SUBCOMMANDS.enable(input(world, 'boss', ['admin']))).toBe('Der Präsenzdienst ist bereits an.');
    });
});
