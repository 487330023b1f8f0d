import { runSlashCommand, type MethodCaller, type RestPoster } from '../../../web/src/api/runSlashCommand';

const run = { command: 'status', params: 'busy 1h Meeting', text: '/status busy 1h Meeting', roomId: 'GENERAL', triggerId: 'trigger-1', messageId: 'msg-1' };

function doubles(methodError?: unknown) {
    const calls: Array<[string, unknown[]]> = [];
    const posts: Array<[string, unknown]> = [];
    const realtime: MethodCaller = {
        call: async (method, ...params) => {
            calls.push([method, params]);
            if (methodError) throw methodError;
            return undefined;
        },
    };
    const rest: RestPoster = {
        post: async (path, body) => {
            posts.push([path, body]);
            return { success: true };
        },
    };
    return { realtime, rest, calls, posts };
}

describe('the composer: running a slash command', () => {
    it('calls the DDP method slashCommand with the message and its room, as Rocket.Chat web client', async () => {
        const { realtime, rest, calls, posts } = doubles();
        await runSlashCommand(realtime, rest, run);
        expect(calls).toEqual([
            [
                'slashCommand',
                [{ cmd: 'status', params: 'busy 1h Meeting', msg: { _id: 'msg-1', rid: 'GENERAL', msg: '/status busy 1h Meeting' }, triggerId: 'trigger-1' }],
            ],
        ]);
        expect(posts).toEqual([]);
    });

    it('falls back to commands.run with the roomId Rocket.Chat requires, and only the fields its schema allows', async () => {
        const { realtime, rest, posts } = doubles({ error: 404, reason: "Method 'slashCommand' not found" });
        await runSlashCommand(realtime, rest, run);
        expect(posts).toEqual([['/api/v1/commands.run', { command: 'status', params: 'busy 1h Meeting', roomId: 'GENERAL', triggerId: 'trigger-1' }]]);
    });

    it("passes on the server's other errors without trying REST", async () => {
        const refused = { error: 'error-invalid-command', reason: 'Invalid Command Provided' };
        const { realtime, rest, posts } = doubles(refused);
        await expect(runSlashCommand(realtime, rest, run)).rejects.toBe(refused);
        expect(posts).toEqual([]);
    });
});
