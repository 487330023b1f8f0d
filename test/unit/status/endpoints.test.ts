import { IApiRequest, IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { RequestMethod } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { UsersGetStatusEndpoint } from '../../../src/endpoints/UsersGetStatusEndpoint';
import { UsersSetStatusEndpoint } from '../../../src/endpoints/UsersSetStatusEndpoint';
import { FakeWorld, makeUser } from './fakes';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const app = {} as any;
const NOT_LOGGED_IN = { success: false, status: 'error', message: 'You must be logged in to do this.', error: 'You must be logged in to do this.' };

let world: FakeWorld;
let alice: IUser;
let root: IUser;
let bob: IUser;

beforeEach(() => {
    world = new FakeWorld();
    alice = world.addUser(makeUser('u1', { username: 'alice', status: 'online', statusText: 'old text' }));
    root = world.addUser(makeUser('a1', { username: 'root', roles: ['user', 'admin'] }));
    bob = world.addUser(makeUser('u2', { username: 'bob', status: 'away', statusConnection: 'away' }));
});

async function setStatus(body: unknown, user: IUser | null = alice): Promise<IApiResponse> {
    const request = { method: RequestMethod.POST, headers: {}, query: {}, params: {}, content: body, user: user ?? undefined } as IApiRequest;
    return new UsersSetStatusEndpoint(app).post(request, {} as never, world.read(), world.modify(), {} as never, world.persistence());
}

async function getStatus(query: Record<string, string>, user: IUser | null = alice): Promise<IApiResponse> {
    const request = { method: RequestMethod.GET, headers: {}, query, params: {}, content: undefined, user: user ?? undefined } as IApiRequest;
    return new UsersGetStatusEndpoint(app).get(request, {} as never, world.read(), world.modify(), {} as never, world.persistence());
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

    it('someone else with a role from roles_edit_other_user_status', async () => {
        expectJson(await setStatus({ status: 'busy', message: 'on call', username: 'BOB' }, root), 200, { success: true });
        expect(world.users.get('u2')).toMatchObject({ status: 'busy', statusText: 'on call' });
        world.appSettings.roles_edit_other_user_status = 'moderator';
        expectJson(await setStatus({ status: 'away', userId: 'u2' }, root), 403, { success: false, error: 'unauthorized' });
        world.appSettings.roles_edit_other_user_status = 'user, moderator';
        expectJson(await setStatus({ status: 'away', userId: 'u2' }), 200, { success: true });
        expect(world.users.get('u2')?.status).toBe('away');
    });

    it('roles_edit_other_user_status unset means admin; empty means nobody', async () => {
        delete world.appSettings.roles_edit_other_user_status;
        expectJson(await setStatus({ status: 'busy', userId: 'u2' }, root), 200, { success: true });
        world.appSettings.roles_edit_other_user_status = '';
        expectJson(await setStatus({ status: 'away', userId: 'u2' }, root), 403, { success: false, error: 'unauthorized' });
    });

    it('unknown target: 400 error-invalid-user', async () => {
        const error = {
            success: false,
            errorType: 'error-invalid-user',
            error: 'The required "userId" or "username" param provided does not match any users [error-invalid-user]',
        };
        expectJson(await setStatus({ status: 'busy', userId: 'ghost' }, root), 400, error);
        expectJson(await setStatus({ status: 'busy', username: 'ghost' }, root), 400, error);
        expect(world.updates).toEqual([]);
    });

    it('message: trimmed, cut to 120, set on the workspace user', async () => {
        expectJson(await setStatus({ message: `   ${'a'.repeat(150)}   ` }), 200, { success: true });
        expect(world.users.get('u1')?.statusText).toBe('a'.repeat(120));
        expect(world.users.get('u1')?.status).toBe('online');
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
        const res = await setStatus({ status: 'busy', expiresAt });
        expect(res.status).toBe(400);
        expect(res.content).toMatchObject({ success: false, errorType: 'error-invalid-date' });
        expect(String((res.content as { error: string }).error)).toMatch(/ \[error-invalid-date\]$/);
        expect(world.updates).toEqual([]);
        expect(world.scheduled).toEqual([]);
    });

    it('expiresAt in the future: status set, previous one recorded, job scheduled', async () => {
        const expiresAt = new Date(Date.now() + 3600_000).toISOString();
        expectJson(await setStatus({ status: 'busy', message: 'meeting', expiresAt }), 200, { success: true });
        expect(world.users.get('u1')).toMatchObject({ status: 'busy', statusText: 'meeting' });
        expect(world.scheduled).toHaveLength(1);
        expect(world.scheduled[0]).toMatchObject({ id: 'status-expiry', when: new Date(expiresAt), data: { userId: 'u1' } });
        expect(world.expiryRecords()).toEqual([
            expect.objectContaining({
                userId: 'u1',
                expiresAt,
                restoreStatus: 'online',
                restoreMessage: 'old text',
                token: (world.scheduled[0].data as { token: string }).token,
            }),
        ]);
    });

    it('never a 500 for odd input', async () => {
        for (const body of [
            { status: 'away', userId: 42 },
            { message: 'x', username: ['a'] },
            { status: 'away', userId: '' },
        ]) {
            const res = await setStatus(body);
            expect(res.status).toBeLessThan(500);
        }
    });
});

describe('GET users.getStatus', () => {
    it('not logged in: 401 in the JSON envelope', async () => {
        expectJson(await getStatus({}, null), 401, NOT_LOGGED_IN);
    });

    it('self: _id, status, connectionStatus', async () => {
        world.users.set('u1', { ...alice, status: 'busy', statusConnection: 'online' } as IUser);
        expectJson(await getStatus({}), 200, { _id: 'u1', status: 'busy', connectionStatus: 'online', success: true });
        expectJson(await getStatus({ username: 'ALICE' }), 200, { _id: 'u1', status: 'busy', connectionStatus: 'online', success: true });
    });

    it('someone else: _id and status only, no right needed', async () => {
        expectJson(await getStatus({ userId: 'u2' }), 200, { _id: 'u2', status: 'away', success: true });
        expectJson(await getStatus({ username: 'bob' }), 200, { _id: 'u2', status: 'away', success: true });
    });

    it('unknown user: 400 error-invalid-user', async () => {
        expectJson(await getStatus({ username: 'ghost' }), 400, {
            success: false,
            errorType: 'error-invalid-user',
            error: 'The required "userId" or "username" param provided does not match any users [error-invalid-user]',
        });
    });

    it('presence service off: status reads disabled', async () => {
        world.appSettings.presence_service_enabled = false;
        expectJson(await getStatus({ userId: 'u2' }), 200, { _id: 'u2', status: 'disabled', success: true });
        expectJson(await getStatus({}), 200, { _id: 'u1', status: 'disabled', connectionStatus: 'online', success: true });
    });

    it('reflects a status set through users.setStatus', async () => {
        await setStatus({ status: 'busy' });
        expect((await getStatus({})).content).toMatchObject({ status: 'busy' });
        expect(bob.status).toBe('away');
    });
});
