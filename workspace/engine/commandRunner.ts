import { SlashCommandContext } from '@rocket.chat/apps-engine/definition/slashcommands';
import type { SharedServices } from './HostContext';
import type { AppInstance } from '../instances/AppInstance';
import type { UserDoc } from '../services/Users';
import type { RoomDoc } from '../services/Rooms';
import { Commands } from '../services/Commands';
import { roomToApp, userToApp } from './converters';
import { parseParameters } from './parseParameters';

export class CommandError extends Error {}

/** The caller cannot access the room (Rocket.Chat's `canAccessRoomIdAsync` is false). */
export class RoomAccessError extends CommandError {}

export interface CommandRun {
    command: string;
    params: string;
    roomId: string;
    threadId?: string;
    triggerId?: string;
}

/**
 * Runs a slash command as `caller`, as Rocket.Chat's `commands.run` does, on the instance that
 * received it (its command registry and its app runtime): built-ins here, app commands (and
 * built-ins an app took over) through that instance's AppSlashCommandManager.
 */
export async function runCommand(ws: SharedServices, instance: AppInstance, caller: UserDoc, run: CommandRun): Promise<void> {
    const name = Commands.normalize(run.command);
    const entry = instance.commands.get(name);
    if (!entry || !entry.enabled) {
        throw new CommandError('The command provided does not exist (or is disabled).');
    }
    const room = await accessibleRoom(ws, caller, run.roomId);
    if (entry.builtin) {
        await entry.builtin({ caller, params: run.params, roomId: room._id, threadId: run.threadId, triggerId: run.triggerId });
        return;
    }
    const creator = room.u ? await ws.users.findById(room.u._id) : null;
    // apps/meteor/app/apps/server/bridges/commands.ts: parseParameters(parameters)
    const params = parseParameters(run.params);
    const context = new SlashCommandContext(userToApp(caller), roomToApp(room, creator), params, run.threadId, run.triggerId);
    await instance.engine.manager.getCommandManager().executeCommand(name, context);
}

/**
 * The room, when the caller can access it (authorization/server/functions/canAccessRoom.ts): a
 * public channel for anyone, any other room for its members; an unknown room for nobody.
 */
export async function accessibleRoom(ws: SharedServices, caller: UserDoc, roomId: string): Promise<RoomDoc> {
    const room = await ws.rooms.findById(roomId);
    if (!room || (room.t !== 'c' && !room.uids.includes(caller._id))) throw new RoomAccessError('Invalid room [error-invalid-room]');
    return room;
}
