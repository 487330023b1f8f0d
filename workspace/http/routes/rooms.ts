import type { Router } from '../Router';
import { instanceOf, type Workspace } from '../../Workspace';
import { bodyObject, optionalString, requireUser } from '../guards';
import { failure, ok } from '../respond';
import { HttpError } from '../types';
import { accessibleRoom, runCommand } from '../../engine/commandRunner';
import { Commands } from '../../services/Commands';
import type { RoomDoc } from '../../services/Rooms';

function roomView(room: RoomDoc): Record<string, unknown> {
    return { ...room, rid: room._id };
}

/** commands.run / commands.list, im.create / im.messages (also under dm.*). */
export function roomRoutes(router: Router, ws: Workspace): void {
    // apps/meteor/app/api/server/v1/commands.ts (`commands.run`, before its move to the typed API):
    // the body's fields checked in this order, then the command, then the room, then the thread.
    router.post('/api/v1/commands.run', async (ctx) => {
        const user = requireUser(ctx);
        const body = bodyObject(ctx);
        if (typeof body.command !== 'string') throw failure('You must provide a command to run.');
        if (body.params && typeof body.params !== 'string') throw failure('The parameters for the command must be a single string.');
        if (typeof body.roomId !== 'string') throw failure("The room's id where to execute this command must be provided and be a string.");
        if (body.tmid && typeof body.tmid !== 'string') throw failure('The tmid parameter when provided must be a string.');
        const instance = instanceOf(ws, ctx.instance);
        if (!instance.commands.get(Commands.normalize(body.command))?.enabled) throw failure('The command provided does not exist (or is disabled).');
        const room = await accessibleRoom(ws, user, body.roomId).catch(() => null);
        // API.v1.forbidden() without a message: `unauthorized` before 8.0 (the version this workspace reports)
        if (!room) throw new HttpError(403, { success: false, error: 'unauthorized' });
        const tmid = typeof body.tmid === 'string' ? body.tmid : undefined;
        if (tmid) {
            const thread = await ws.rooms.findMessage(tmid);
            if (!thread || thread.rid !== room._id) throw failure('Invalid thread.');
        }
        try {
            await runCommand(ws, instance, user, {
                command: body.command,
                params: typeof body.params === 'string' ? body.params : '',
                roomId: room._id,
                threadId: tmid,
                triggerId: typeof body.triggerId === 'string' ? body.triggerId : undefined,
            });
        } catch (err) {
            throw failure(err instanceof Error ? err.message : String(err));
        }
        return ok();
    });

    router.get('/api/v1/commands.list', async (ctx) => {
        requireUser(ctx);
        const commands = instanceOf(ws, ctx.instance)
            .commands.list()
            .map((c) => ({
                command: c.command,
                params: c.params,
                description: c.description,
                clientOnly: false,
                providesPreview: c.providesPreview,
                ...(c.appId ? { appId: c.appId } : {}),
            }));
        return ok({ commands, offset: 0, count: commands.length, total: commands.length });
    });

    for (const prefix of ['im', 'dm']) {
        router.post(`/api/v1/${prefix}.create`, async (ctx) => {
            const user = requireUser(ctx);
            const body = bodyObject(ctx);
            const names = typeof body.usernames === 'string' ? body.usernames.split(',').map((s) => s.trim()) : [optionalString(body.username, 'username')];
            const members = [user];
            for (const name of names) {
                if (!name) throw failure('Body param "username" or "usernames" is required [error-invalid-params]', 'error-invalid-params');
                const other = await ws.users.findByUsername(name);
                if (!other) throw failure('Failed to create a direct message room [error-invalid-user]', 'error-invalid-user');
                members.push(other);
            }
            const room = await ws.rooms.getOrCreateDirect(members, user);
            return ok({ room: roomView(room) });
        });

        router.get(`/api/v1/${prefix}.messages`, async (ctx) => {
            const user = requireUser(ctx);
            let room: RoomDoc | null = null;
            if (ctx.query.roomId) {
                room = await ws.rooms.findById(ctx.query.roomId);
            } else if (ctx.query.username) {
                const other = await ws.users.findByUsername(ctx.query.username);
                if (!other)
                    throw failure(
                        'The required "roomId" or "username" param provided does not match any direct message [error-room-not-found]',
                        'error-room-not-found',
                    );
                room = await ws.rooms.findDirectByUsernames([user.username, other.username]);
                if (!room) return ok({ messages: [], count: 0, offset: 0, total: 0 });
            } else {
                throw failure('Query param "roomId" or "username" is required [error-room-param-not-provided]', 'error-room-param-not-provided');
            }
            if (!room || room.t !== 'd' || !room.uids.includes(user._id)) {
                throw failure(
                    'The required "roomId" or "username" param provided does not match any direct message [error-room-not-found]',
                    'error-room-not-found',
                );
            }
            const count = Math.min(Math.max(Number(ctx.query.count ?? 50) || 50, 1), 100);
            const offset = Math.max(Number(ctx.query.offset ?? 0) || 0, 0);
            const { messages, total } = await ws.rooms.messages(room._id, { count, offset });
            return ok({ messages, count: messages.length, offset, total });
        });
    }
}
