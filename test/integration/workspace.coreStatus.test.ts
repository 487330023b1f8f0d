/**
 * Rocket.Chat's own users.setStatus / users.getStatus (apps/meteor/app/api/server/v1/users.ts, 7.x),
 * which the web client's status menu calls and which bypass the app.
 */
import { startWorkspace, type Creds, type TestWorkspace } from '../helpers/workspace';

describe('local workspace: core users.setStatus and users.getStatus', () => {
    let ws: TestWorkspace;
    let ann: Creds;
    let ben: Creds;

    const user = async (c: Creds) => (await ws.request('GET', `/api/v1/users.info?userId=${c.userId}`, undefined, ws.admin)).body.user;

    beforeAll(async () => {
        ws = await startWorkspace();
        ann = await ws.createUser('coreann');
        ben = await ws.createUser('coreben');
    });

    afterAll(async () => {
        await ws?.stop();
    });

    it('sets status and message on oneself, the status stored as given', async () => {
        expect((await ws.request('POST', '/api/v1/users.setStatus', { status: 'busy', message: '  In a meeting  ' }, ann)).body).toEqual({ success: true });
        expect(await user(ann)).toMatchObject({ status: 'busy', statusText: 'In a meeting' });
        expect((await ws.request('GET', '/api/v1/users.getStatus', undefined, ann)).body).toEqual({
            _id: ann.userId,
            connectionStatus: 'offline',
            status: 'busy',
            success: true,
        });
        expect((await ws.request('GET', '/api/v1/users.getStatus?username=COREANN', undefined, ben)).body).toEqual({
            _id: ann.userId,
            status: 'busy',
            success: true,
        });
    });

    it('answers Rocket.Chat errors, writing the message before the status check fails', async () => {
        const shape = await ws.request('POST', '/api/v1/users.setStatus', { status: 5 }, ann);
        expect(shape.status).toBe(400);
        expect(shape.body).toEqual({ success: false, error: 'Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation' });
        const invalid = await ws.request('POST', '/api/v1/users.setStatus', { status: 'lunch', message: 'written anyway' }, ann);
        expect(invalid.body).toEqual({
            success: false,
            error: 'Valid status types include online, away, offline, and busy. [error-invalid-status]',
            errorType: 'error-invalid-status',
            details: { method: 'users.setStatus' },
        });
        expect((await user(ann)).statusText).toBe('written anyway');
        const other = await ws.request('POST', '/api/v1/users.setStatus', { status: 'away', username: 'coreann' }, ben);
        expect(other.status).toBe(403);
        expect(other.body).toEqual({ success: false, error: 'unauthorized' });
        const byAdmin = await ws.request('POST', '/api/v1/users.setStatus', { status: 'away', username: 'coreann' }, ws.admin);
        expect(byAdmin.body).toEqual({ success: true });
        const unknown = await ws.request('GET', '/api/v1/users.getStatus?username=nobody', undefined, ann);
        expect(unknown.body).toEqual({
            success: false,
            error: 'The required "userId" or "username" param provided does not match any users [error-invalid-user]',
            errorType: 'error-invalid-user',
        });
        await ws.setWorkspaceSetting('Accounts_AllowInvisibleStatusOption', false);
        const invisible = await ws.request('POST', '/api/v1/users.setStatus', { status: 'offline' }, ann);
        expect(invisible.body.errorType).toBe('error-status-not-allowed');
        await ws.setWorkspaceSetting('Accounts_AllowInvisibleStatusOption', true);
        await ws.setWorkspaceSetting('Accounts_AllowUserStatusMessageChange', false);
        const notAllowed = await ws.request('POST', '/api/v1/users.setStatus', { status: 'online' }, ann);
        expect(notAllowed.body).toEqual({
            success: false,
            error: 'Change status is not allowed [error-not-allowed]',
            errorType: 'error-not-allowed',
            details: { method: 'users.setStatus' },
        });
        await ws.setWorkspaceSetting('Accounts_AllowUserStatusMessageChange', true);
    });
});
