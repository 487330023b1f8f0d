import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { usersGetStatusEndpoint, usersSetStatusEndpoint } from '../../../src/endpoints/usersStatus';
import { readRecentStatuses } from '../../../src/services/recentStatuses';
import { apiRequest, FakeWorld, FailurePoint, makeUser } from '../../doubles/world';

const NOT_LOGGED_IN = { success: false, status: 'error', message: 'You must be logged in to do this.', error: 'You must be logged in to do this.' };
const INVALID_USER = {
    success: false,
    errorType: 'error-invalid-user',
    error: 'The required "userId" or "username" param provided does not match any users [error-invalid-user]',
};
const APP_FAILURE = {
    success: false,
    errorType: 'error-app-failure',
    error: 'The request could not be completed and nothing was changed; please try again [error-app-failure]',
};

let world: FakeWorld;

beforeEach(() => {
    world = new FakeWorld();
    world.addUser(makeUser('u1', { username: 'alice', status: 'online', statusText: 'old text' }));
    world.addUser(makeUser('a1', { username: 'root', roles: ['user', 'admin'] }));
    world.addUser(makeUser('u2', { username: 'bob', status: 'away', statusConnection: 'away' }));
});

/** The caller as Rocket.Chat hands it over: read fresh for every request. */
const caller = (id: string): IUser => world.users.get(id) as IUser;

async function setStatus(body: unknown, user: IUser | null = caller('u1')): Promise<IApiResponse> {
    const { read, modify, http, persis } = world.access();
    return usersSetStatusEndpoint(world.app() as never).post!(apiRequest(user ?? undefined, body), {} as never, read, modify, http, persis);
}

async function getStatus(query: Record<string, unknown>, user: IUser | null = caller('u1')): Promise<IApiResponse> {
    const { read, modify, http, persis } = world.access();
    return usersGetStatusEndpoint(world.app() as never).get!(apiRequest(user ?? undefined, undefined, query), {} as never, read, modify, http, persis);
}

const expectJson = (res: IApiResponse, status: number, content: unknown): void => {
    expect({ status: res.status, content: res.content }).toEqual({ status, content });
    expect(res.headers?.['Content-Type']).toBe('application/json');
};

describe('POST users.setStatus', () => {
    it('not logged in: 401 in the JSON envelope, nothing changes', async () => {
        expectJson(await setStatus({ status: 'away' }, null), 401, NOT_LOGGED_IN);
        expect(world.updates).toEqual([]);
    });

    it.each([[{}], [{ message: 1 }], [{ status: null }], [undefined], [{ userId: 'u2' }]])('wrong shape %p: 400 Match error, no errorType', async (body) => {
        expectJson(await setStatus(body), 400, { success: false, error: 'Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation' });
        expect(world.updates).toEqual([]);
    });

    it.each([[{ message: 'hi' }], [{ status: 'busy' }]])('Accounts_AllowUserStatusMessageChange false refuses %p', async (body) => {
        world.workspaceSettings.Accounts_AllowUserStatusMessageChange = false;
        expectJson(await setStatus(body), 400, { success: false, errorType: 'error-not-allowed', error: 'Change status is not allowed [error-not-allowed]' });
        expect(world.updates).toEqual([]);
    });

    it('someone else without the role: 403 unauthorized', async () => {
        expectJson(await setStatus({ status: 'busy', userId: 'u2' }), 403, { success: false, error: 'unauthorized' });
        expectJson(await setStatus({ status: 'busy', username: 'bob' }), 403, { success: false, error: 'unauthorized' });
        expect(world.updates).toEqual([]);
    });

    it.each([[42], [['u2']], [{ id: 'u2' }]])(
        'a userId of the wrong type (%p): 403 for a caller without the right (checked first, as Rocket.Chat), 400 for an admin',
        async (userId) => {
            expectJson(await setStatus({ status: 'busy', userId }), 403, { success: false, error: 'unauthorized' });
            expectJson(await setStatus({ status: 'busy', userId }, caller('a1')), 400, INVALID_USER);
            expect(world.updates).toEqual([]);
        },
    );

    it('someone else with a role from roles_edit_other_user_status', async () => {
        expectJson(await setStatus({ status: 'busy', message: 'on call', username: 'BOB' }, caller('a1')), 200, { success: true });
        expect(world.users.get('u2')).toMatchObject({ status: 'busy', statusText: 'on call' });
        world.appSettings.roles_edit_other_user_status = 'moderator';
        expectJson(await setStatus({ status: 'away', userId: 'u2' }, caller('a1')), 403, { success: false, error: 'unauthorized' });
        world.appSettings.roles_edit_other_user_status = 'user, moderator';
        expectJson(await setStatus({ status: 'away', userId: 'u2' }), 200, { success: true });
        expect(world.users.get('u2')?.status).toBe('away');
    });

    it('roles_edit_other_user_status unset means admin; empty means nobody', async () => {
        delete world.appSettings.roles_edit_other_user_status;
        expectJson(await setStatus({ status: 'busy', userId: 'u2' }, caller('a1')), 200, { success: true });
        world.appSettings.roles_edit_other_user_status = '';
        expectJson(await setStatus({ status: 'away', userId: 'u2' }, caller('a1')), 403, { success: false, error: 'unauthorized' });
    });

    it('unknown target: 400 error-invalid-user', async () => {
        expectJson(await setStatus({ status: 'busy', userId: 'ghost' }, caller('a1')), 400, INVALID_USER);
        expectJson(await setStatus({ status: 'busy', username: 'ghost' }, caller('a1')), 400, INVALID_USER);
        expect(world.updates).toEqual([]);
    });

    it('message: trimmed, cut to 120 UTF-16 code units, set on the workspace user', async () => {
        expectJson(await setStatus({ message: `   ${'a'.repeat(150)}   ` }), 200, { success: true });
        expect(world.users.get('u1')?.statusText).toBe('a'.repeat(120));
        expect(world.users.get('u1')?.status).toBe('online');
    });

    it('a surrogate pair at the cut is dropped whole, never split', async () => {
        expectJson(await setStatus({ message: `${'a'.repeat(119)}😀 tail` }), 200, { success: true });
        expect(world.users.get('u1')?.statusText).toBe('a'.repeat(119));
    });

    it("message '' clears", async () => {
        expectJson(await setStatus({ message: '' }), 200, { success: true });
        expect(world.users.get('u1')?.statusText).toBe('');
    });

    it('status and message through the user updater', async () => {
        expectJson(await setStatus({ status: 'busy', message: 'focus' }), 200, { success: true });
        expect(world.updates).toEqual([{ userId: 'u1', status: 'busy', statusText: 'focus' }]);
    });

    it('status only keeps the message', async () => {
        expectJson(await setStatus({ status: 'away' }), 200, { success: true });
        expect(world.updates).toEqual([{ userId: 'u1', status: 'away', statusText: 'old text' }]);
    });

    it('invalid status: 400 error-invalid-status, and nothing changes (not even the message)', async () => {
        expectJson(await setStatus({ status: 'disabled', message: 'hello' }), 400, {
            success: false,
            errorType: 'error-invalid-status',
            error: 'Valid status types include online, away, offline, and busy. [error-invalid-status]',
        });
        expect(world.updates).toEqual([]);
        expect(world.users.get('u1')).toMatchObject({ status: 'online', statusText: 'old text' });
    });

    it('offline while Accounts_AllowInvisibleStatusOption is false: 400 error-status-not-allowed', async () => {
        world.workspaceSettings.Accounts_AllowInvisibleStatusOption = false;
        expectJson(await setStatus({ status: 'offline' }), 400, {
            success: false,
            errorType: 'error-status-not-allowed',
            error: 'Invisible status is disabled [error-status-not-allowed]',
        });
        expect(world.updates).toEqual([]);
        world.workspaceSettings.Accounts_AllowInvisibleStatusOption = true;
        expectJson(await setStatus({ status: 'offline' }), 200, { success: true });
        expect(world.users.get('u1')?.status).toBe('offline');
    });

    it.each(['yesterday', '2001-01-01T00:00:00Z', 42])('expiresAt %p: 400 error-invalid-date, no job', async (expiresAt) => {
        expectJson(await setStatus({ status: 'busy', expiresAt }), 400, {
            success: false,
            errorType: 'error-invalid-date',
            error: 'The expiration date must be a valid ISO date in the future [error-invalid-date]',
        });
        expect(world.updates).toEqual([]);
        expect(world.scheduled).toEqual([]);
    });

    it('expiresAt in the future: status set, previous one and what was set recorded, job scheduled', async () => {
        const expiresAt = new Date(Date.now() + 3600_000).toISOString();
        expectJson(await setStatus({ status: 'busy', message: 'meeting', expiresAt }), 200, { success: true });
        expect(world.users.get('u1')).toMatchObject({ status: 'busy', statusText: 'meeting' });
        expect(world.scheduled).toHaveLength(1);
        expect(world.scheduled[0]).toMatchObject({ id: 'status-expiry', when: new Date(expiresAt), data: { userId: 'u1' } });
        expect(world.expiryRecords()).toEqual([
            {
                userId: 'u1',
                expiresAt,
                restoreStatus: 'online',
                restoreMessage: 'old text',
                appliedStatus: 'busy',
                appliedMessage: 'meeting',
                token: (world.scheduled[0].data as { token: string }).token,
            },
        ]);
    });

    it('odd names of the target answer exact errors, never a 500', async () => {
        expectJson(await setStatus({ status: 'away', userId: 42 }, caller('a1')), 400, INVALID_USER);
        expectJson(await setStatus({ message: 'x', username: ['a'] }, caller('a1')), 400, INVALID_USER);
        // an empty userId names nobody else: the caller
        expectJson(await setStatus({ status: 'away', userId: '' }), 200, { success: true });
        expect(world.users.get('u1')?.status).toBe('away');
    });
});

describe('POST users.setStatus when something it depends on fails', () => {
    const expiresAt = () => new Date(Date.now() + 3600_000).toISOString();

    it.each<[FailurePoint, number, () => object]>([
        ['user.update', 1, () => ({ status: 'busy', message: 'x' })],
        ['user.update', 1, () => ({ status: 'busy', message: 'x', expiresAt: expiresAt() })],
        ['scheduler', 1, () => ({ status: 'busy', message: 'x', expiresAt: expiresAt() })],
        ['persistence.write', 1, () => ({ status: 'busy', message: 'x', expiresAt: expiresAt() })],
        ['persistence.read', 1, () => ({ status: 'busy' })],
    ])('%s failing: 400 error-app-failure, nothing changed', async (point, times, body) => {
        // the caller's records (read in one go: pending expiry, recent statuses) and the expiry's writes;
        // the presence state is read for the notice only (best effort)
        const theirs = (keys: string[]) => keys.includes('misc:status-expiry') || (keys.length === 1 && keys[0] === 'user:u1');
        world.failOn(point, times, point.startsWith('persistence') ? theirs : undefined);
        expectJson(await setStatus(body()), 400, APP_FAILURE);
        expect(world.users.get('u1')).toMatchObject({ status: 'online', statusText: 'old text' });
        expect(world.expiryRecords()).toEqual([]);
    });

    it('a failed new status leaves a pending expiry as it was', async () => {
        const until = expiresAt();
        await setStatus({ status: 'busy', message: 'meeting', expiresAt: until });
        const pending = world.expiryRecords();
        world.failOn('user.update');
        expectJson(await setStatus({ status: 'away', message: 'gone' }), 400, APP_FAILURE);
        expect(world.users.get('u1')).toMatchObject({ status: 'busy', statusText: 'meeting' });
        expect(world.expiryRecords()).toEqual(pending);
    });

    it('workspace settings that cannot be read count as their defaults', async () => {
        world.failOn('serverSettings.read', 10);
        expectJson(await setStatus({ status: 'busy' }), 200, { success: true });
        expect(world.users.get('u1')?.status).toBe('busy');
    });
});

describe('GET users.getStatus', () => {
    it('not logged in: 401 in the JSON envelope', async () => {
        expectJson(await getStatus({}, null), 401, NOT_LOGGED_IN);
    });

    it('self: _id, status, connectionStatus, from the caller as handed over', async () => {
        world.users.set('u1', { ...caller('u1'), status: 'busy', statusConnection: 'online' } as IUser);
        expectJson(await getStatus({}), 200, { _id: 'u1', status: 'busy', connectionStatus: 'online', success: true });
        expectJson(await getStatus({ username: 'ALICE' }), 200, { _id: 'u1', status: 'busy', connectionStatus: 'online', success: true });
    });

    it('someone else: _id and status only, no right needed', async () => {
        expectJson(await getStatus({ userId: 'u2' }), 200, { _id: 'u2', status: 'away', success: true });
        expectJson(await getStatus({ username: 'bob' }), 200, { _id: 'u2', status: 'away', success: true });
    });

    it('a caller without a username naming someone: answered, not thrown', async () => {
        const nameless = world.addUser(makeUser('bot1', { username: undefined as unknown as string }));
        expectJson(await getStatus({ username: 'bob' }, nameless), 200, { _id: 'u2', status: 'away', success: true });
        expectJson(await getStatus({ username: 'ghost' }, nameless), 400, INVALID_USER);
    });

    it('unknown user: 400 error-invalid-user', async () => {
        expectJson(await getStatus({ username: 'ghost' }), 400, INVALID_USER);
        expectJson(await getStatus({ userId: ['a', 'b'] }), 400, INVALID_USER);
    });

    it('presence service off (the app turned it off): status reads disabled', async () => {
        world.putPresenceState({
            enabled: false,
            epoch: 1,
            reason: 'cap',
            count: 201,
            cap: 200,
            at: new Date().toISOString(),
        });
        expectJson(await getStatus({ userId: 'u2' }), 200, {
            _id: 'u2',
            status: 'disabled',
            success: true,
            notice: "Presence is inactive: this workspace exceeded its limit of 200 concurrent connections, so everyone's status shows as disabled until an admin turns the presence service back on.",
        });
        expectJson(await getStatus({}), 200, { _id: 'u1', status: 'disabled', connectionStatus: 'online', success: true });
    });

    it('Rocket.Chat stopped presence itself: status reads disabled', async () => {
        world.workspaceSettings.Presence_broadcast_disabled = true;
        expectJson(await getStatus({ userId: 'u2' }), 200, { _id: 'u2', status: 'disabled', success: true });
    });

    it('reflects a status set through users.setStatus', async () => {
        await setStatus({ status: 'busy' });
        expect((await getStatus({})).content).toEqual({ _id: 'u1', status: 'busy', connectionStatus: 'online', success: true });
        expect(world.users.get('u2')?.status).toBe('away');
    });

    it('the presence state unreadable: 400 error-app-failure, never a 500', async () => {
        world.failOn('persistence.read', 2);
        expectJson(await getStatus({ userId: 'u2' }), 400, APP_FAILURE);
    });
});

describe('POST users.setStatus and the recent statuses', () => {
    it('a pair new to the list is added; setting known pairs again through the API writes nothing', async () => {
        for (const status of ['busy', 'away', 'busy', 'away', 'busy']) {
            await setStatus({ status, message: 'Bench' });
        }
        expect(await readRecentStatuses(world.read(), 'u1')).toEqual([
            { status: 'away', message: 'Bench' },
            { status: 'busy', message: 'Bench' },
        ]);
        const writes = world.ops;
        await setStatus({ status: 'away', message: 'Bench' });
        // one read of the caller's records; the user update is not a persistence operation
        expect(world.ops - writes).toBe(1);
    });
});

describe('a method an endpoint does not serve', () => {
    it("is answered as Rocket.Chat's REST router answers it: 404 Not Found, OPTIONS 200 OK, HEAD without a body", async () => {
        const endpoint = usersSetStatusEndpoint(world.app() as never);
        const call = (method: 'get' | 'put' | 'patch' | 'delete' | 'head' | 'options') =>
            endpoint[method]!(apiRequest(world.users.get('u1')), {} as never, world.read(), world.modify(), world.http(), world.persistence());
        for (const method of ['get', 'put', 'patch', 'delete'] as const) {
            expect(await call(method)).toEqual({ status: 404, headers: { 'Content-Type': 'text/plain; charset=UTF-8' }, content: '404 Not Found' });
        }
        expect(await call('head')).toEqual({ status: 404, headers: { 'Content-Type': 'text/plain; charset=UTF-8' } });
        expect(await call('options')).toEqual({ status: 200, headers: { 'Content-Type': 'text/plain; charset=UTF-8' }, content: 'OK' });
        expect(world.calls).toEqual([]);
    });
});
