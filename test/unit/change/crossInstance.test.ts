/**
 * Per-user and per-cluster read-modify-writes on two instances at once (each instance a separate
 * copy of the app's modules over one store whose every call takes a random few ms): made safe by
 * the changes' subjects, or harmless by design. Each of these failed before.
 */
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import type * as SetStatus from '../../../src/services/setUserStatus';
import type * as Recent from '../../../src/services/recentStatuses';
import type * as Notices from '../../../src/services/presence/notices';
import type * as Admins from '../../../src/services/presence/admins';
import type * as Warning from '../../../src/services/presence/earlyWarning';
import type * as Expiry from '../../../src/jobs/StatusExpiryJob';
import { FakeWorld, makeUser } from '../../doubles/world';

interface Instance {
    status: typeof SetStatus;
    recent: typeof Recent;
    notices: typeof Notices;
    admins: typeof Admins;
    warning: typeof Warning;
    expiry: typeof Expiry;
}

function instance(): Instance {
    let copy: Instance | undefined;
    jest.isolateModules(() => {
        copy = {
            status: jest.requireActual('../../../src/services/setUserStatus'),
            recent: jest.requireActual('../../../src/services/recentStatuses'),
            notices: jest.requireActual('../../../src/services/presence/notices'),
            admins: jest.requireActual('../../../src/services/presence/admins'),
            warning: jest.requireActual('../../../src/services/presence/earlyWarning'),
            expiry: jest.requireActual('../../../src/jobs/StatusExpiryJob'),
        };
    });
    return copy!;
}

const inAnHour = () => new Date(Date.now() + 3600_000);

function world(): FakeWorld {
    const w = new FakeWorld();
    w.addUser(makeUser('u1', { username: 'alice', status: 'away', statusConnection: 'online', statusText: 'before' }));
    w.jitterMs = 4;
    return w;
}

describe('one user, two instances at once', () => {
    it('two statuses noted at once: both are in the recent statuses', async () => {
        const [a, b] = [instance(), instance()];
        for (let round = 0; round < 10; round++) {
            const w = world();
            const alice = w.users.get('u1') as IUser;
            await Promise.all([
                a.status.setUserStatus(w.env(), { user: alice, status: 'busy', message: 'Deep work', pending: null }, { recent: { mode: 'add' } }),
                b.status.setUserStatus(w.env(), { user: alice, status: 'away', message: 'Lunch', pending: null }, { recent: { mode: 'add' } }),
            ]);
            const recent = await a.recent.readRecentStatuses(w.read(), 'u1');
            expect(recent).toHaveLength(2);
            expect(recent).toEqual(
                expect.arrayContaining([
                    { status: 'busy', message: 'Deep work' },
                    { status: 'away', message: 'Lunch' },
                ]),
            );
        }
    });

    it('two temporary statuses set at once: one holds, and its expiry brings back the status from before both', async () => {
        const [a, b] = [instance(), instance()];
        for (let round = 0; round < 10; round++) {
            const w = world();
            const alice = w.users.get('u1') as IUser;
            const results = await Promise.all([
                a.status.setUserStatus(w.env(), { user: alice, status: 'busy', message: 'one', expiresAt: inAnHour() }),
                b.status.setUserStatus(w.env(), { user: alice, status: 'offline', message: 'two', expiresAt: inAnHour() }),
            ]);
            expect(results.every((r) => r.ok)).toBe(true);
            w.jitterMs = 0;
            for (const job of w.scheduled.filter((j) => j.id === 'status-expiry')) {
                await a.expiry.runStatusExpiry(job.data, w.env());
            }
            expect(w.users.get('u1')).toMatchObject({ status: 'away', statusText: 'before' });
            expect(w.expiryRecords()).toEqual([]);
        }
    });

    it('the inactive notice taken on two instances at once: told once', async () => {
        const [a, b] = [instance(), instance()];
        for (let round = 0; round < 10; round++) {
            const w = world();
            w.putPresenceState({ enabled: false, epoch: 1, reason: 'cap', count: 201, cap: 200, at: new Date().toISOString() });
            const alice = w.users.get('u1') as IUser;
            const told = await Promise.all([a.notices.takeInactiveNotice(w.env(), alice), b.notices.takeInactiveNotice(w.env(), alice)]);
            expect(told.filter((text) => text !== undefined)).toHaveLength(1);
        }
    });
});

describe('the cluster, two instances at once', () => {
    it('the early warning seen by both at once: one message', async () => {
        const [a, b] = [instance(), instance()];
        for (let round = 0; round < 10; round++) {
            const w = world();
            w.addUser(makeUser('boss', { username: 'boss', roles: ['admin'] }));
            w.putRecord(['user:boss', 'misc:presence-admin'], { userId: 'boss', username: 'boss' });
            const config = { cap: 200, unlimited: false, warningPercent: 80 };
            const count = { current: 170, source: 'workspace' as const, at: new Date().toISOString() };
            const warned = await Promise.all([a, b].map((i) => i.warning.checkEarlyWarning(w.app() as never, w.access(), config, count)));
            expect(warned.filter(Boolean)).toHaveLength(1);
            expect(w.messages).toHaveLength(1);
        }
    });

    it('an admin who lost the role on one instance and got it back on the other is still messaged', async () => {
        const [a, b] = [instance(), instance()];
        const w = world();
        w.jitterMs = 0;
        const boss = w.addUser(makeUser('boss', { username: 'boss', roles: ['admin'] }));
        await a.admins.noteAdmin(w.access(), boss);
        // demoted: instance B messages the admins meanwhile
        w.users.set('boss', { ...boss, roles: ['user'] });
        await b.admins.messageAdmins({ ...w.access() }, () => 'hello');
        expect(w.messages).toEqual([]);
        // the role back; instance A has boss in its cache and writes nothing
        w.users.set('boss', boss);
        await a.admins.noteAdmin(w.access(), boss);
        await b.admins.messageAdmins({ ...w.access() }, () => 'hello again');
        expect(w.messages.map((m) => m.text)).toEqual(['hello again']);
    });
});
