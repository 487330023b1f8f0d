/**
 * The features beyond the built-in on the local workspace (real runtime, scheduler and store),
 * as users reach them: scheduled statuses (command and picker) across restarts, recent statuses
 * (REST, command, picker), the audit trail (REST and command, read by both) and working hours.
 * Schedules start days ahead and their jobs are made due on demand (`runJobsNow`): no test waits
 * for a clock.
 */
import { pollUntil } from '../helpers/poll';
import { startWorkspace, type Creds, type DdpSession, type TestWorkspace } from '../helpers/workspace';

interface UserInfo {
    status: string;
    statusText?: string;
}

const suffix = Date.now().toString(36);
/** `YYYY-MM-DD HH:MM` in UTC (the workspace's users have a UTC offset of 0) */
const when = (date: Date) => `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)}`;
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

describe('scheduled, recent, audited and working-hours statuses (local workspace)', () => {
    let ws: TestWorkspace;
    let carol: Creds;
    const sessions = new Map<string, DdpSession>();

    const info = async (creds: Creds): Promise<UserInfo> => {
        const res = await ws.request('GET', `/api/v1/users.info?userId=${encodeURIComponent(creds.userId)}`, undefined, ws.admin);
        const { status, statusText } = (res.body as { user: UserInfo }).user;
        return { status, statusText };
    };
    const connect = async (creds: Creds) => {
        const session = await ws.openSession(creds);
        await session.subscribe('stream-notify-user', `${creds.userId}/message`, false);
        sessions.set(creds.userId, session);
    };
    const reconnectAll = async (users: Creds[]) => {
        for (const s of sessions.values()) await s.close();
        sessions.clear();
        for (const creds of users) await connect(creds);
    };
    /** Runs `/status <params>` as the user and answers the app's ephemeral reply. */
    const run = async (creds: Creds, params: string): Promise<string> => {
        const session = sessions.get(creds.userId) as DdpSession;
        const eventName = `${creds.userId}/message`;
        const before = session.events(eventName).length;
        const res = await ws.command(creds, 'status', params);
        expect(res.status).toBe(200);
        await pollUntil(
            async () => session.events(eventName).length,
            (n) => n > before,
            { what: `the reply to /status ${params}` },
        );
        return (session.events(eventName)[before][0] as { msg: string }).msg;
    };
    const setStatus = async (creds: Creds, body: Record<string, unknown>) => {
        expect((await ws.app('POST', 'users.setStatus', body, creds)).body).toEqual({ success: true });
    };
    const interact = (creds: Creds, body: Record<string, unknown>) => ws.request('POST', `/api/apps/ui.interaction/${ws.appId}`, body, creds);
    const submitPicker = (creds: Creds, state: Record<string, Record<string, string>>) =>
        interact(creds, { type: 'viewSubmit', actionId: 'submit', payload: { view: { id: 'user-status-picker', state } } });

    beforeAll(async () => {
        ws = await startWorkspace();
        carol = await ws.createUser(`carol-f-${suffix}`);
        await reconnectAll([carol, ws.admin]);
    }, 120_000);

    afterAll(async () => {
        for (const s of sessions.values()) await s.close();
        await ws?.stop();
    }, 60_000);

    it('a status scheduled by command is applied after a restart, and the previous one comes back after another', async () => {
        await setStatus(carol, { status: 'away', message: 'usual' });
        const start = new Date(Date.now() + 2 * 86_400_000);
        const end = new Date(start.getTime() + 3600_000);
        const scheduled = await run(carol, `busy from ${when(start)} to ${when(end)} Offsite`);
        expect(scheduled).toBe(`Scheduled: Busy "Offsite" from ${when(start)} (UTC) to ${when(end)} (UTC); then the previous status comes back.`);
        expect(await run(carol, 'scheduled')).toContain(`1. Busy "Offsite"`);
        expect(await info(carol)).toEqual({ status: 'away', statusText: 'usual' });

        await ws.restart();
        await reconnectAll([carol, ws.admin]);
        // the app armed the pending schedule again when it started
        expect(await ws.runJobsNow('status-schedule-start')).toBeGreaterThanOrEqual(1);
        await pollUntil(
            () => info(carol),
            (user) => user.status === 'busy',
            { what: 'the scheduled status' },
        );
        expect(await info(carol)).toEqual({ status: 'busy', statusText: 'Offsite' });
        expect(await run(carol, 'scheduled')).toBe('You have no scheduled statuses.');

        // restart in the middle of the schedule: its end still restores the status from before
        await ws.restart();
        await reconnectAll([carol, ws.admin]);
        expect(await ws.runJobsNow('status-expiry')).toBeGreaterThanOrEqual(1);
        await pollUntil(
            () => info(carol),
            (user) => user.status === 'away',
            { what: 'the status from before the schedule' },
        );
        expect(await info(carol)).toEqual({ status: 'away', statusText: 'usual' });
    }, 180_000);

    it('a status scheduled in the picker is listed, cancelled by number, and its job then does nothing', async () => {
        await setStatus(carol, { status: 'online', message: 'at my desk' });
        const start = new Date(Date.now() + 3 * 86_400_000);
        const end = new Date(start.getTime() + 2 * 3600_000);
        const submitted = await submitPicker(carol, {
            'picker-status': { 'picker-status-select': 'preset:busy' },
            'picker-message': { 'picker-message-input': 'Dentist' },
            'picker-clear-after': { 'picker-clear-after-select': 'never' },
            'picker-from': { 'picker-from-input': when(start) },
            'picker-to': { 'picker-to-input': when(end) },
        });
        expect(submitted.status).toBe(200);
        expect(submitted.body).toEqual({ success: true });
        expect(await info(carol)).toEqual({ status: 'online', statusText: 'at my desk' });
        expect(await run(carol, 'scheduled')).toContain(`1. Busy "Dentist" from ${when(start)} (UTC) to ${when(end)} (UTC)`);

        // a half-given schedule: an error on the field, nothing stored
        const half = await submitPicker(carol, {
            'picker-status': { 'picker-status-select': 'preset:away' },
            'picker-from': { 'picker-from-input': when(start) },
        });
        expect(half.body).toMatchObject({ success: false, errors: { 'picker-to-input': 'Give both a start and an end, or neither' } });

        expect(await run(carol, 'scheduled cancel 1')).toBe(`Cancelled: Busy "Dentist" from ${when(start)} (UTC) to ${when(end)} (UTC).`);
        expect(await run(carol, 'scheduled')).toBe('You have no scheduled statuses.');
        await ws.runJobsNow('status-schedule-start');
        expect(await info(carol)).toEqual({ status: 'online', statusText: 'at my desk' });
    }, 60_000);

    it('recent statuses come from REST and the command, show first in the picker, and are taken again by number', async () => {
        await setStatus(carol, { status: 'away', message: 'Lunch' });
        await run(carol, 'busy Focus time');
        const recent = await run(carol, 'recent');
        expect(recent.split('\n').slice(1, 3)).toEqual(['1. Busy "Focus time"', '2. Away "Lunch"']);

        const opened = await interact(carol, { type: 'actionButton', actionId: 'user-status-open-picker', payload: {} });
        const picker = JSON.stringify(opened.body);
        expect(picker.indexOf('recent:busy:Focus time')).toBeGreaterThan(-1);
        expect(picker.indexOf('recent:busy:Focus time')).toBeLessThan(picker.indexOf('recent:away:Lunch'));
        expect(picker.indexOf('recent:away:Lunch')).toBeLessThan(picker.indexOf('preset:online'));

        expect(await run(carol, 'recent 2')).toBe('Your status is now Away.\nYour status message is now "Lunch".');
        expect(await info(carol)).toEqual({ status: 'away', statusText: 'Lunch' });
        const picked = await submitPicker(carol, { 'picker-status': { 'picker-status-select': 'recent:busy:Focus time' } });
        expect(picked.body).toEqual({ success: true });
        expect(await info(carol)).toEqual({ status: 'busy', statusText: 'Focus time' });
    }, 60_000);

    it("an admin's changes of another user's status are in the audit trail, read by REST and by command; others may not read it", async () => {
        await ws.setAppSettings({ roles_edit_other_user_status: 'admin' });
        await setStatus(ws.admin, { userId: carol.userId, status: 'away', message: 'On leave' });
        expect(await run(ws.admin, `set @${carol.username} busy Covering support`)).toBe(`@${carol.username} is now Busy "Covering support".`);
        expect(await info(carol)).toEqual({ status: 'busy', statusText: 'Covering support' });

        const audit = await ws.app('GET', `status.audit?userId=${carol.userId}&count=2`, undefined, ws.admin);
        expect(audit.status).toBe(200);
        const entries = audit.body.entries as Array<{ action: string; source: string; actor: { username: string }; target: { _id: string }; details: object }>;
        expect(entries.map((e) => [e.action, e.source, e.actor.username, e.target._id])).toEqual([
            ['user-status.set', 'command', ws.admin.username, carol.userId],
            ['user-status.set', 'rest', ws.admin.username, carol.userId],
        ]);
        expect(entries[0].details).toMatchObject({ status: 'busy', message: 'Covering support' });
        expect(audit.body).toMatchObject({ count: 2, offset: 0, success: true });

        const lines = (await run(ws.admin, `audit @${carol.username}`)).split('\n');
        expect(lines[0]).toBe('Audit trail, newest first:');
        expect(lines[1]).toContain('"Covering support"');
        expect(lines[2]).toContain('"On leave"');

        const refused = await ws.app('GET', 'status.audit', undefined, carol);
        expect(refused.status).toBe(403);
        expect(refused.body).toMatchObject({ success: false });
    }, 60_000);

    it('working hours: away at once outside them, the status from before back when they are turned off; a boundary after a restart keeps it away', async () => {
        await setStatus(carol, { status: 'online', message: 'Reviewing' });
        const now = new Date();
        const minutes = now.getUTCHours() * 60 + now.getUTCMinutes();
        // a window at least two hours away from now, within one day
        const [from, to] = minutes + 180 < 1440 ? [minutes + 120, minutes + 180] : [minutes - 180, minutes - 120];
        const hours = `${hhmm(from)}-${hhmm(to)}`;
        expect(await run(carol, `hours ${hours} mon-sun`)).toBe(
            `Your working hours are now ${hours} sun,mon,tue,wed,thu,fri,sat (UTC). Outside them your status is Away; when they start, your status comes back.`,
        );
        expect(await info(carol)).toMatchObject({ status: 'away' });

        await ws.restart();
        await reconnectAll([carol, ws.admin]);
        expect(await ws.runJobsNow('working-hours-boundary')).toBeGreaterThanOrEqual(1);
        expect(await info(carol)).toMatchObject({ status: 'away' });

        expect(await run(carol, 'hours off')).toBe('Your working hours are off.');
        expect(await info(carol)).toEqual({ status: 'online', statusText: 'Reviewing' });
    }, 180_000);
});
