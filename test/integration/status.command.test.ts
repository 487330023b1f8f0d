/**
 * `/status` (the app's takeover of the built-in) and `/userstatus` through POST /api/v1/commands.run
 * on the local workspace: the status changes on the workspace user; a wrong value changes nothing.
 */
import { pollUntil } from '../helpers/poll';
import { startWorkspace } from '../helpers/workspace';

type Workspace = Awaited<ReturnType<typeof startWorkspace>>;
type Creds = Awaited<ReturnType<Workspace['createUser']>>;
type Session = Awaited<ReturnType<Workspace['openSession']>>;
interface UserInfo {
    status: string;
    statusText?: string;
}

const suffix = Date.now().toString(36);

describe('/status and /userstatus (local workspace, commands.run)', () => {
    let ws: Workspace;
    let dave: Creds;
    const sessions: Session[] = [];

    const info = async (creds: Creds): Promise<UserInfo> => {
        const res = await ws.request('GET', `/api/v1/users.info?userId=${encodeURIComponent(creds.userId)}`, undefined, ws.admin);
        return (res.body as { user: UserInfo }).user;
    };
    /** Runs the command and answers the ephemeral reply the app sent to dave (stream-notify-user <userId>/message). */
    const run = async (command: string, params: string): Promise<string> => {
        const session = sessions[0];
        const eventName = `${dave.userId}/message`;
        const before = session.events(eventName).length;
        const res = await ws.command(dave, command, params);
        expect(res.status).toBe(200);
        await pollUntil(
            async () => session.events(eventName).length,
            (n) => n > before,
            { what: `the ephemeral reply to /${command} ${params}` },
        );
        const replies = session.events(eventName).slice(before);
        expect(replies).toHaveLength(1);
        return (replies[0][0] as { msg: string }).msg;
    };

    beforeAll(async () => {
        ws = await startWorkspace();
        dave = await ws.createUser(`dave-${suffix}`);
        const session = await ws.openSession(dave);
        await session.subscribe('stream-notify-user', `${dave.userId}/message`, false);
        sessions.push(session);
    }, 120_000);

    afterAll(async () => {
        for (const s of sessions) await (s as { close(): Promise<void> | void }).close();
        await ws?.stop();
    }, 60_000);

    it('both commands are listed, /status now provided by the app', async () => {
        const res = await ws.request('GET', '/api/v1/commands.list', undefined, dave);
        const commands = (res.body as { commands: Array<{ command: string; appId?: string }> }).commands;
        expect(commands.find((c) => c.command === 'userstatus')).toMatchObject({ appId: ws.appId });
        expect(commands.find((c) => c.command === 'status')).toMatchObject({ appId: ws.appId });
    });

    it('/status busy 1h <message> sets the preset and message on the workspace user', async () => {
        const reply = await run('status', 'busy 1h In a meeting');
        expect(reply).toMatch(
            /^Your status is now Busy until \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(UTC\); then the previous one comes back\.\nYour status message is now "In a meeting"\.$/,
        );
        expect(await info(dave)).toMatchObject({ status: 'busy', statusText: 'In a meeting' });
    });

    it('/status <message> keeps the built-in meaning', async () => {
        expect(await run('status', 'Working from home')).toBe('Your status message is now "Working from home".');
        expect(await info(dave)).toMatchObject({ status: 'busy', statusText: 'Working from home' });
    });

    it('/userstatus away and clear', async () => {
        expect(await run('userstatus', 'away')).toBe('Your status is now Away.');
        expect((await info(dave)).status).toBe('away');
        expect(await run('userstatus', 'clear')).toBe('Your status is cleared: Online, no message.');
        expect(await info(dave)).toMatchObject({ status: 'online' });
        expect((await info(dave)).statusText ?? '').toBe('');
    });

    it('show, list and help answer ephemerally', async () => {
        await run('status', 'busy');
        expect(await run('status', 'show')).toMatch(/^Your status: Busy\./);
        expect(await run('userstatus', 'list')).toContain('Statuses you can set:');
        expect(await run('userstatus', 'help')).toContain('Usage of /userstatus:');
    });

    it('a wrong subcommand or value changes nothing', async () => {
        await run('status', 'away brb');
        for (const [command, params] of [
            ['userstatus', 'bussy'],
            ['status', 'busy 0m'],
            ['status', 'busy 2001-01-01'],
        ]) {
            const reply = await run(command, params);
            const [first, ...rest] = reply.split('\n');
            expect(first).toMatch(/^(Unknown subcommand "bussy"\.|"0m" is not a duration: .*|"2001-01-01" is in the past\.)$/);
            expect(rest.join('\n')).toContain(`Usage of /${command}:`);
            expect(await info(dave)).toMatchObject({ status: 'away', statusText: 'brb' });
        }
    });
});
