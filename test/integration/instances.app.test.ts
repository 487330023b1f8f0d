/**
 * The app over two server instances (INSTANCES=2: two app runtimes over one store, requests and
 * sessions spread over both, status events reaching both, jobs once per cluster): nothing rests
 * on one process's memory.
 */
import { pollUntil } from '../helpers/poll';
import { startWorkspace, type Creds, type DdpSession, type TestWorkspace, type WorkspaceResponse } from '../helpers/workspace';

const servedBy = (res: WorkspaceResponse) => Number(res.headers['x-instance-id']);
const BOT = 'user-status.bot';

describe('the app on two instances', () => {
    let ws: TestWorkspace;
    const sessions: DdpSession[] = [];
    let users: Creds[] = [];
    let root: Creds;

    /** The same request until each instance has answered it once: both answers. */
    const fromBoth = async (send: () => Promise<WorkspaceResponse>): Promise<WorkspaceResponse[]> => {
        const answers = new Map<number, WorkspaceResponse>();
        while (answers.size < 2) {
            const res = await send();
            answers.set(servedBy(res), res);
        }
        return [...answers.values()];
    };
    const connections = () => ws.app('GET', 'presence.getConnections', undefined, ws.admin);
    const botMessages = async (creds: Creds) =>
        ((await ws.request('GET', `/api/v1/im.messages?username=${BOT}`, undefined, creds)).body.messages ?? []).map((m: { msg: string }) => m.msg) as string[];

    beforeAll(async () => {
        ws = await startWorkspace({ env: { INSTANCES: '2' } });
        root = await ws.createUser('root', { roles: ['admin', 'user'] });
        await ws.setAppSettings({ presence_connection_cap: 200 });
        users = [];
        for (let i = 0; i < 100; i++) {
            users.push(await ws.createUser(`multi${i}`));
        }
    }, 300_000);

    afterAll(async () => {
        for (const s of sessions) await s.close();
        await ws?.stop();
    }, 60_000);

    it('100 users logging in, their sessions spread over both instances: the estimate counts 100 on either', async () => {
        for (const creds of users) {
            sessions.push(await ws.openSession(creds));
        }
        const instancesUsed = new Set(sessions.map((s) => s.messages.find((m) => m.msg === 'connected')?.instance));
        expect([...instancesUsed].sort()).toEqual([0, 1]);
        await pollUntil(
            () => fromBoth(connections),
            (answers) => answers.every((res) => res.body.current === 100),
            { what: 'both instances to count 100' },
        );
        for (const res of await fromBoth(connections)) {
            expect(res.body).toEqual({ current: 100, max: 200, source: 'estimate', success: true });
        }
    }, 120_000);

    it("with the access settings, Rocket.Chat's own count over both instances: 100", async () => {
        await ws.setAppSettings({ presence_workspace_user_id: ws.admin.userId, presence_workspace_access_token: ws.admin.authToken });
        try {
            // each instance publishes its count (updateConns, throttled): the sum follows
            await pollUntil(
                () => fromBoth(connections),
                (answers) => answers.every((res) => res.body.current === 100),
                { what: "Rocket.Chat's count of 100 on both" },
            );
            for (const res of await fromBoth(connections)) {
                expect(res.body).toEqual({ current: 100, max: 200, source: 'workspace', success: true });
            }
        } finally {
            await ws.setAppSettings({ presence_workspace_user_id: '', presence_workspace_access_token: '' });
        }
    });

    it('20 simultaneous creates of one name spread over both, 20 times: exactly one record and one ok each time', async () => {
        for (let round = 0; round < 20; round++) {
            const name = `Race ${round}`;
            const answers = await Promise.all(
                Array.from({ length: 20 }, () => ws.app('POST', 'custom-user-status.create', { name, statusType: 'busy' }, ws.admin)),
            );
            expect(new Set(answers.map(servedBy)).size).toBe(2);
            expect(answers.filter((res) => res.status === 200)).toHaveLength(1);
            expect(answers.filter((res) => res.body.errorType === 'Custom_User_Status_Error_Name_Already_In_Use')).toHaveLength(19);
            const listed = await ws.app('GET', 'custom-user-status.list', { name }, ws.admin);
            expect(listed.body.statuses.map((s: { name: string }) => s.name)).toEqual([name]);
        }
    }, 120_000);

    it("the app's own writes of the settings text are echoes on both instances; an admin's edit is applied once", async () => {
        const runsOf = async (name: string) =>
            ((await ws.request('GET', '/api/workspace/jobRuns', undefined, ws.admin)).body.runs as Array<{ name: string }>).filter((r) =>
                r.name.startsWith(name),
            );
        const syncRunsBefore = (await runsOf('custom-status-settings-sync')).length;
        await ws.app('POST', 'custom-user-status.create', { name: 'Echo', statusType: 'away' }, ws.admin);
        const page = async () => {
            const res = await ws.request('GET', `/api/apps/${ws.appId}/settings`, undefined, ws.admin);
            return String(res.body.settings.custom_statuses.value ?? '');
        };
        await pollUntil(page, (text) => text.includes('Echo: away'), { what: 'the settings page copy' });
        await ws.runJobsNow('custom-status-settings-sync');
        expect((await runsOf('custom-status-settings-sync')).length).toBe(syncRunsBefore);

        await ws.setAppSettings({ custom_statuses: `${await page()}\nLunch: away` });
        await pollUntil(
            () => ws.app('GET', 'custom-user-status.list', { name: 'Lunch' }, ws.admin),
            (res) => res.body.total === 1,
            { what: 'Lunch to be created' },
        );
        await ws.runJobsNow('custom-status-settings-sync');
        const lunch = await ws.app('GET', 'custom-user-status.list', { name: 'Lunch' }, ws.admin);
        expect(lunch.body.statuses.map((s: { name: string; statusType: string }) => [s.name, s.statusType])).toEqual([['Lunch', 'away']]);
    }, 60_000);

    it('an expiry restores once, although both instances armed its job', async () => {
        const alice = users[0];
        await ws.app('POST', 'users.setStatus', { status: 'busy', message: 'planning' }, alice);
        const expiresAt = new Date(Date.now() + 3600_000).toISOString();
        expect((await ws.app('POST', 'users.setStatus', { status: 'away', message: 'lunch', expiresAt }, alice)).body).toEqual({ success: true });
        // a restart re-arms pending expiries on each instance: two jobs for one expiry
        await ws.restart();
        const before = (await ws.request('GET', '/api/workspace/userUpdates', undefined, ws.admin)).body.updates as Array<{ seq: number }>;
        const after = before.reduce((m, u) => Math.max(m, u.seq), 0);
        await ws.runJobsNow('status-expiry');
        const restores = (
            (await ws.request('GET', `/api/workspace/userUpdates?after=${after}`, undefined, ws.admin)).body.updates as Array<{
                userId: string;
                fields: { status?: string; statusText?: string };
            }>
        ).filter((u) => u.userId === alice.userId);
        expect(restores.map((u) => u.fields)).toEqual([{ status: 'busy', statusText: 'planning' }]);
    }, 120_000);

    it('a scheduled status and a working-hours boundary each apply once, although both instances armed their jobs', async () => {
        const [bob, carl] = [users[3], users[4]];
        const when = (date: Date) => `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)}`;
        const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

        await ws.app('POST', 'users.setStatus', { status: 'online', message: 'desk' }, bob);
        const start = new Date(Date.now() + 2 * 86_400_000);
        expect((await ws.command(bob, 'status', `busy from ${when(start)} to ${when(new Date(start.getTime() + 3600_000))} Offsite`)).status).toBe(200);

        // carl's working hours leave out the next two hours: away at once; then carl chooses online anyway
        const now = new Date();
        const minutes = now.getUTCHours() * 60 + now.getUTCMinutes();
        const [from, to] = minutes + 180 < 1440 ? [minutes + 120, minutes + 180] : [minutes - 180, minutes - 120];
        expect((await ws.command(carl, 'status', `hours ${hhmm(from)}-${hhmm(to)} mon-sun`)).status).toBe(200);
        // carl has no session (the restart above closed them): what the app set shows in the updates it made
        const carlUpdates = async () =>
            (
                (await ws.request('GET', '/api/workspace/userUpdates', undefined, ws.admin)).body.updates as Array<{
                    userId: string;
                    fields: { status?: string };
                }>
            )
                .filter((u) => u.userId === carl.userId)
                .map((u) => u.fields.status);
        await pollUntil(carlUpdates, (list) => list.includes('away'), { what: 'carl away outside working hours' });
        await ws.app('POST', 'users.setStatus', { status: 'online', message: 'here' }, carl);

        // each instance arms both jobs again when it starts
        await ws.restart();
        const before = (await ws.request('GET', '/api/workspace/userUpdates', undefined, ws.admin)).body.updates as Array<{ seq: number }>;
        const after = before.reduce((m, u) => Math.max(m, u.seq), 0);
        expect(await ws.runJobsNow('status-schedule-start')).toBeGreaterThanOrEqual(2);
        expect(await ws.runJobsNow('working-hours-boundary')).toBeGreaterThanOrEqual(2);
        const updates = (await ws.request('GET', `/api/workspace/userUpdates?after=${after}`, undefined, ws.admin)).body.updates as Array<{
            userId: string;
            fields: { status?: string; statusText?: string };
        }>;
        expect(updates.filter((u) => u.userId === bob.userId).map((u) => u.fields)).toEqual([{ status: 'busy', statusText: 'Offsite' }]);
        expect(updates.filter((u) => u.userId === carl.userId).map((u) => u.fields.status)).toEqual(['away']);
    }, 180_000);

    it('the cap crossing on two instances: one turn-off, one message per admin', async () => {
        // the restart above closed every session: open them again, then cross a cap of 100
        for (const s of sessions.splice(0)) await s.close();
        await ws.setAppSettings({ presence_connection_cap: 100 });
        await ws.loginRest('root', root.password as string);
        for (const creds of users) {
            sessions.push(await ws.openSession(creds));
        }
        await pollUntil(
            () => fromBoth(connections),
            (answers) => answers.every((res) => res.body.current === 100),
            { what: 'both instances to count 100' },
        );
        expect((await ws.app('GET', 'users.getStatus', undefined, users[1])).body.status).toBe('online');
        const extra = await ws.createUser('multi-extra');
        sessions.push(await ws.openSession(extra));
        await pollUntil(
            () => ws.app('GET', 'users.getStatus', undefined, users[1]),
            (res) => res.body.status === 'disabled',
            { what: 'the service to turn off' },
        );
        await ws.runJobsNow('presence-monitor');
        for (const admin of [ws.admin, root]) {
            const turnedOff = (msgs: string[]) => msgs.filter((msg) => msg.startsWith('The presence service was turned off'));
            const dms = await pollUntil(
                () => botMessages(admin),
                (msgs) => turnedOff(msgs).length > 0,
                { what: 'the admin message' },
            );
            expect(turnedOff(dms)).toEqual([
                expect.stringMatching(/^The presence service was turned off: 101 concurrent connections exceeded the limit of 100\. /),
            ]);
            expect(dms.filter((msg) => msg.startsWith('Early warning'))).toHaveLength(1);
        }
        // the turn-off reached every instance's presence service (the troubleshooting switch)
        await ws.waitForBroadcast(false);
    }, 180_000);

    /** Back at the cap: an admin's enable turns broadcast on in every instance's presence service. */
    const enableEverywhere = async () => {
        await sessions.pop()!.close();
        const enabled = await pollUntil(
            () => ws.app('POST', 'presence.enableBroadcast', {}, ws.admin),
            (res) => res.status === 200,
            { what: 'the enable to be accepted at the cap', intervalMs: 500 },
        );
        expect(enabled.body).toMatchObject({ success: true });
        await ws.waitForBroadcast(true);
        expect(((await ws.request('GET', '/api/v1/settings/Presence_broadcast_disabled', undefined, ws.admin)).body as { value: unknown }).value).toBe(false);
        // each instance's copy of the app reads the state again within a second
        await pollUntil(
            () => ws.app('GET', 'users.getStatus', undefined, users[1]),
            (res) => res.body.status === 'online',
            { what: 'the status on again' },
        );
    };

    it('the enable reaches every instance (the troubleshooting switch, written so that no instance misses it)', async () => {
        await enableEverywhere();
    }, 120_000);

    it("with the access settings: Rocket.Chat's own count, the turn-off and the enable (REST on one instance, then the switch for all) reach both", async () => {
        await ws.setAppSettings({ presence_workspace_user_id: ws.admin.userId, presence_workspace_access_token: ws.admin.authToken });
        try {
            const extra = await ws.createUser('multi-extra2');
            sessions.push(await ws.openSession(extra));
            await pollUntil(
                () => ws.app('GET', 'users.getStatus', undefined, users[1]),
                (res) => res.body.status === 'disabled',
                { what: 'the service to turn off at 101', timeoutMs: 60_000 },
            );
            await ws.waitForBroadcast(false);
            await enableEverywhere();
        } finally {
            await ws.setAppSettings({ presence_workspace_user_id: '', presence_workspace_access_token: '' });
        }
    }, 120_000);
});
