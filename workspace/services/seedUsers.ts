import type { Store } from '../store/Store';
import { asDoc } from '../store/Store';
import { randomId } from '../store/ids';
import type { UserDoc } from './UserDoc';

/**
 * Local diagnostics (benchmarks): many users written straight into the `users` collection in one
 * insert, in the stored format `Users.create` writes (offline, no password, no login token), without
 * the events of a creation. 10,000 users through users.create take minutes (a password hash each);
 * this takes well under a second. Usernames are `<prefix><n>`.
 */
export async function seedUsers(store: Store, count: number, prefix: string, roles: string[] = ['user']): Promise<UserDoc[]> {
    const now = new Date();
    const users: UserDoc[] = [];
    for (let n = 0; n < count; n++) {
        const username = `${prefix}${n}`;
        users.push({
            _id: randomId(),
            username,
            name: username,
            emails: [{ address: `${username}@example.com`, verified: true }],
            roles: [...roles],
            type: 'user',
            active: true,
            status: 'offline',
            statusText: '',
            statusDefault: 'online',
            statusConnection: 'offline',
            utcOffset: 0,
            createdAt: now,
            _updatedAt: now,
            services: { resume: { loginTokens: [] } },
        });
    }
    await store.col('users').insertAsync(users.map((u) => asDoc(u)));
    return users;
}
