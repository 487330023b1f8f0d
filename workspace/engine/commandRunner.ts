import { SlashCommandContext } from '@rocket.chat/apps-engine/definition/slashcommands';
import type { SharedServices } from './HostContext';
import type { AppInstance } from '../instances/AppInstance';
import type { UserDoc } from '../services/Users';
import type { RoomDoc } from '../services/Rooms';
import { GENERAL_ROOM_ID } from '../services/Rooms';
import { Commands } from '../services/Commands';
import { roomToApp, userToApp } from './converters';
import { parseParameters } from './parseParameters';

export class CommandError extends Error {}

export interface CommandRun {
    command: string;
    params: string;
    roomId?: string;
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
    const room = await roomFor(ws, caller, run.roomId, entry.appId);
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

async function roomFor(ws: SharedServices, caller: UserDoc, roomId: string | undefined, appId: string | undefined): Promise<RoomDoc> {
    if (roomId) {
        const room = await ws.rooms.findById(roomId);
        if (!room) throw new CommandError('Invalid room [error-invalid-room]');
        if (room.t !== 'c' && !room.uids.includes(caller._id)) throw new CommandError('Invalid room [error-invalid-room]');
        return room;
    }
    const bot = appId ? await ws.users.findByAppId(appId) : null;
    if (bot) {
        return ws.rooms.getOrCreateDirect([caller, bot], caller);
    }
    const general = await ws.rooms.findById(GENERAL_ROOM_ID);
    if (!general) throw new CommandError('Invalid room [error-invalid-room]');
    return general;
}
