/** What running a command needs from the realtime connection and the REST API (small, so tests can stand in). */
export interface MethodCaller {
    call(method: string, ...params: unknown[]): Promise<unknown>;
}
export interface RestPoster {
    post(path: string, body?: unknown): Promise<unknown>;
}

export interface SlashCommandRun {
    command: string;
    params: string;
    /** the whole text typed, as the message the command came with */
    text: string;
    roomId: string;
    triggerId: string;
    messageId: string;
}

/** Whether a DDP error says the server has no such method (an older or a different server). */
export function isMethodMissing(err: unknown): boolean {
    const e = err as { error?: unknown; reason?: unknown } | undefined;
    return e?.error === 404 || (typeof e?.reason === 'string' && e.reason.includes('not found'));
}

/**
 * Runs a slash command in a room as Rocket.Chat's web client does: the DDP method `slashCommand`
 * with the message it came with, and on a server without that method `POST /api/v1/commands.run`,
 * whose body requires `roomId` (apps/meteor/app/api/server/v1/commands.ts: `required: ['command',
 * 'roomId']`, no other fields than command, params, roomId, tmid and triggerId).
 */
export async function runSlashCommand(realtime: MethodCaller, rest: RestPoster, run: SlashCommandRun): Promise<void> {
    try {
        await realtime.call('slashCommand', {
            cmd: run.command,
            params: run.params,
            msg: { _id: run.messageId, rid: run.roomId, msg: run.text },
            triggerId: run.triggerId,
        });
    } catch (err) {
        if (!isMethodMissing(err)) throw err;
        await rest.post('/api/v1/commands.run', { command: run.command, params: run.params, roomId: run.roomId, triggerId: run.triggerId });
    }
}
