/**
 * The workspace as strict as Rocket.Chat (issue 17): `commands.run` requires a room
 * (apps/meteor/app/api/server/v1/commands.ts), an app's settings need `manage-apps`
 * (ee/server/apps/communication/rest.ts), and the user shapes core-typings checks (IUser, IMeApiUser).
 */
import { startWorkspace, type Creds, type TestWorkspace } from '../helpers/workspace';

describe('local workspace: as strict as Rocket.Chat', () => {
    let ws: TestWorkspace;
    let alice: Creds;
    let bob: Creds;

    beforeAll(async () => {
        ws = await startWorkspace();
        alice = await ws.createUser('strictalice');
        bob = await ws.createUser('strictbob');
    });

    afterAll(async () => {
        await ws?.stop();
    });

    describe('commands.run', () => {
        const run = (body: unknown, creds: Creds = alice) => ws.request('POST', '/api/v1/commands.run', body, creds);

        it('answers 400 without a room id, or with one that is not a string, and runs nothing', async () => {
            const before = (await ws.request('GET', '/api/v1/me', undefined, alice)).body.statusText;
            for (const body of [
                { command: 'status', params: 'busy Missing room' },
                { command: 'status', params: 'busy Numeric room', roomId: 42 },
            ]) {
                const res = await run(body);
                expect(res.status).toBe(400);
                expect(res.body).toEqual({ success: false, error: "The room's id where to execute this command must be provided and be a string." });
            }
            expect((await ws.request('GET', '/api/v1/me', undefined, alice)).body.statusText).toBe(before);
        });

        it('checks the body in Rocket.Chat order: command, params, room id, thread id; then the command exists', async () => {
            expect((await run({ params: 'x', roomId: 'GENERAL' })).body).toEqual({ success: false, error: 'You must provide a command to run.' });
            expect((await run({ command: 'status', params: 7 })).body).toEqual({
                success: false,
                error: 'The parameters for the command must be a single string.',
            });
            expect((await run({ command: 'status', roomId: 'GENERAL', tmid: 5 })).body).toEqual({
                success: false,
                error: 'The tmid parameter when provided must be a string.',
            });
            const unknown = await run({ command: 'no-such-command', roomId: 'no-such-room' });
            expect(unknown.status).toBe(400);
            expect(unknown.body).toEqual({ success: false, error: 'The command provided does not exist (or is disabled).' });
        });

        it("answers 403 for a room the caller cannot access (unknown, or someone else's direct messages)", async () => {
            const othersDm = await ws.botRoomId(bob);
            for (const roomId of ['no-such-room', othersDm]) {
                const res = await run({ command: 'status', params: 'busy Not my room', roomId });
                expect(res.status).toBe(403);
                expect(res.body).toEqual({ success: false, error: 'unauthorized' });
            }
            expect((await ws.request('GET', '/api/v1/me', undefined, alice)).body.statusText).not.toBe('Not my room');
        });

        it('answers 400 for a thread id that is not a message of the room', async () => {
            const res = await run({ command: 'status', params: 'busy In a thread', roomId: 'GENERAL', tmid: 'no-such-message' });
            expect(res.status).toBe(400);
            expect(res.body).toEqual({ success: false, error: 'Invalid thread.' });
        });

        it('runs the command in a room the caller can access: #general or their DM with the bot', async () => {
            const general = await run({ command: 'status', params: 'message From general', roomId: 'GENERAL' });
            expect(general.status).toBe(200);
            expect(general.body).toEqual({ success: true });
            expect((await ws.request('GET', '/api/v1/me', undefined, alice)).body.statusText).toBe('From general');

            const dm = await ws.command(alice, 'status', 'message From the bot DM');
            expect(dm.status).toBe(200);
            expect((await ws.request('GET', '/api/v1/me', undefined, alice)).body.statusText).toBe('From the bot DM');
        });
    });

    describe('app settings', () => {
        it('need manage-apps to be read (they hold the access token): 403 for a user, 200 for an admin', async () => {
            const asUser = await ws.request('GET', `/api/apps/${ws.appId}/settings`, undefined, alice);
            expect(asUser.status).toBe(403);
            expect(asUser.body).toEqual({ success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' });
            expect(JSON.stringify(asUser.body)).not.toContain('presence_workspace_access_token');

            const asAdmin = await ws.request('GET', `/api/apps/${ws.appId}/settings`, undefined, ws.admin);
            expect(asAdmin.status).toBe(200);
            expect(asAdmin.body.settings.presence_workspace_access_token).toBeDefined();

            expect((await ws.request('GET', `/api/apps/${ws.appId}/settings`)).status).toBe(401);
        });
    });

    describe('user shapes core-typings checks', () => {
        it('users.info: the user carries _updatedAt (IUser), for anyone', async () => {
            for (const caller of [alice, bob]) {
                const res = await ws.request('GET', '/api/v1/users.info?username=strictalice', undefined, caller);
                expect(res.status).toBe(200);
                expect(typeof res.body.user._updatedAt).toBe('string');
                expect(Number.isNaN(Date.parse(res.body.user._updatedAt))).toBe(false);
            }
        });

        it('me and the login data.me carry avatarUrl and settings.calendar (IMeApiUser)', async () => {
            const siteUrl = (await ws.request('GET', '/api/v1/settings/Site_Url', undefined, ws.admin)).body.value as string;
            const me = await ws.request('GET', '/api/v1/me', undefined, alice);
            expect(me.body.avatarUrl).toBe(`${siteUrl.replace(/\/+$/, '')}/avatar/strictalice`);
            expect(me.body.settings).toMatchObject({ profile: {}, calendar: {} });
            expect(me.body.isOAuthUser).toBe(false);

            const login = await ws.request('POST', '/api/v1/login', { user: 'strictbob', password: bob.password });
            expect(login.body.data.me.avatarUrl).toBe(`${siteUrl.replace(/\/+$/, '')}/avatar/strictbob`);
            expect(login.body.data.me.settings.calendar).toEqual({});
        });
    });
});
