import { IEnvironmentWrite, IHttp, ILogger, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IRoom, RoomType } from '@rocket.chat/apps-engine/definition/rooms';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { Result, fail, ok } from '../core/AppError';
import { checkEnable, evaluate, normalizeCap } from '../core/presence/ConnectionCap';
import { presenceMessage } from '../core/presence/PresenceMessages';
import { SerialQueue } from '../core/presence/SerialQueue';
import { AppSetting } from '../settings/AppSetting';
import { WorkspaceSetting } from '../settings/WorkspaceSetting';
import { ConnectionTotals, PresenceRepository, effectiveCount } from '../storage/PresenceRepository';

/** What the presence flows need from the app itself (the App class provides it). */
export interface PresenceApp {
    getID(): string;
    getLogger(): ILogger;
    getAccessors(): { readonly environmentWriter: IEnvironmentWrite };
}

/** The accessors of one engine call (listener, job, endpoint, command). */
export interface PresenceAccess {
    read: IRead;
    modify: IModify;
    persis: IPersistence;
    http?: IHttp;
}

export interface PresenceSettings {
    enabled: boolean;
    cap: number;
    unlimited: boolean;
}

export const ADMIN_ROLE = 'admin';

/**
 * One queue per process for the connection records (read-modify-write), one for the
 * service's state changes. Never held while the engine calls back into the app
 * (setting updates call onPreSettingUpdate/onSettingUpdated, which take neither).
 */
const countingQueue = new SerialQueue();
const stateQueue = new SerialQueue();

export function runCounted<T>(task: () => Promise<T>): Promise<T> {
    return countingQueue.run(task);
}

export async function readPresenceSettings(read: IRead): Promise<PresenceSettings> {
    const settings = read.getEnvironmentReader().getSettings();
    const [enabled, cap, unlimited] = await Promise.all([
        settings.getValueById(AppSetting.PresenceServiceEnabled),
        settings.getValueById(AppSetting.PresenceConnectionCap),
        settings.getValueById(AppSetting.PresenceCapUnlimited),
    ]);
    return { enabled: enabled !== false, cap: normalizeCap(cap), unlimited: unlimited === true };
}

export async function currentConnections(read: IRead): Promise<number> {
    return effectiveCount(await new PresenceRepository(read.getPersistenceReader()).getTotals());
}

const languageOf = (user: IUser | undefined): string | undefined => user?.settings?.preferences?.language;

/**
 * Sets the app setting `presence_service_enabled` and waits until the engine reads it back:
 * the engine's setting updater returns before the value is stored (it first asks the app's
 * onPreSettingUpdate), and the next event must see the new value.
 */
export async function setServiceEnabled(app: PresenceApp, read: IRead, enabled: boolean, timeoutMs = 3000): Promise<void> {
    await app.getAccessors().environmentWriter.getSettings().updateValue(AppSetting.PresenceServiceEnabled, enabled);
    const deadline = Date.now() + timeoutMs;
    while ((await readPresenceSettings(read)).enabled !== enabled) {
        if (Date.now() > deadline) {
            throw new Error(`presence_service_enabled did not become ${enabled}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
    }
}

/** Sets both workspace settings that stop Rocket.Chat's presence broadcast (true = stopped). */
export async function setWorkspaceBroadcastDisabled(app: PresenceApp, read: IRead, disabled: boolean): Promise<void> {
    const reader = read.getEnvironmentReader().getServerSettings();
    const updater = app.getAccessors().environmentWriter.getServerSettings();
    for (const id of [WorkspaceSetting.PresenceBroadcastDisabled, WorkspaceSetting.TroubleshootDisablePresenceBroadcast]) {
        const setting = await reader.getOneById(id);
        if (!setting) {
            app.getLogger().error(`presence: workspace setting ${id} not found`);
            continue;
        }
        if (setting.value !== disabled) {
            await updater.updateOne({ ...setting, value: disabled });
        }
    }
}

/**
 * Applies a new count against the cap: turns the service off at once when it is over. The
 * count only ever turns the service off, never on.
 */
export async function enforceCap(app: PresenceApp, access: PresenceAccess, count: number): Promise<boolean> {
    const settings = await readPresenceSettings(access.read);
    const decision = evaluate({ count, ...settings });
    if (decision.action !== 'turnOff') {
        return false;
    }
    return turnOff(app, access, decision.count, decision.cap);
}

/**
 * Turns the service off because of the cap: a new turn-off epoch (users are told once per
 * epoch), app setting off, both workspace settings on, then a direct message to each admin.
 * Returns false when it was off already.
 */
export async function turnOff(app: PresenceApp, access: PresenceAccess, count: number, cap: number): Promise<boolean> {
    const epoch = await stateQueue.run(async () => {
        const settings = await readPresenceSettings(access.read);
        if (!settings.enabled) {
            return 0;
        }
        // the record first: whoever sees the service off finds the turn-off it belongs to
        const repository = new PresenceRepository(access.read.getPersistenceReader(), access.persis);
        const next = ((await repository.getTurnOff())?.epoch ?? 0) + 1;
        await repository.saveTurnOff({ epoch: next, count, cap, at: new Date().toISOString() });
        await setServiceEnabled(app, access.read, false);
        await setWorkspaceBroadcastDisabled(app, access.read, true);
        return next;
    });
    if (!epoch) {
        return false;
    }
    app.getLogger().warn(`presence: service turned off, ${count} connections over the cap of ${cap}`);
    await messageAdmins(app, access, count, cap);
    return true;
}

async function directRoom(access: PresenceAccess, bot: IUser, username: string): Promise<IRoom | undefined> {
    const rooms = access.read.getRoomReader();
    try {
        const existing = await rooms.getDirectByUsernames([bot.username, username]);
        if (existing) {
            return existing;
        }
    } catch {
        // no such room yet: created below
    }
    const builder = access.modify
        .getCreator()
        .startRoom()
        .setType(RoomType.DIRECT_MESSAGE)
        .setCreator(bot)
        .setMembersToBeAddedByUsernames([bot.username, username]);
    const roomId = await access.modify.getCreator().finish(builder);
    return rooms.getById(roomId);
}

/** A message from the app's bot in its direct room with a user. */
export async function sendDirectMessage(access: PresenceAccess, username: string, text: string): Promise<void> {
    const bot = await access.read.getUserReader().getAppUser();
    if (!bot) {
        throw new Error('the app bot user is missing');
    }
    const room = await directRoom(access, bot, username);
    if (!room) {
        throw new Error(`no direct room with ${username}`);
    }
    const message = access.modify.getCreator().startMessage().setSender(bot).setRoom(room).setText(text);
    await access.modify.getCreator().finish(message);
}

/** Direct message to each admin the app knows of (see PresenceRepository: admins seen). */
async function messageAdmins(app: PresenceApp, access: PresenceAccess, count: number, cap: number): Promise<void> {
    const repository = new PresenceRepository(access.read.getPersistenceReader(), access.persis);
    const admins = await repository.listAdmins();
    if (admins.length === 0) {
        app.getLogger().warn('presence: no admin known to the app yet, none was messaged');
    }
    await Promise.all(
        admins.map(async (record) => {
            try {
                const user = await access.read.getUserReader().getById(record.userId);
                if (!user || !user.roles?.includes(ADMIN_ROLE)) {
                    await repository.forgetAdmin(record.userId);
                    return;
                }
                await sendDirectMessage(access, user.username, presenceMessage(languageOf(user), 'admin_turned_off', { count, cap }));
            } catch (error) {
                app.getLogger().error(`presence: could not message admin ${record.username}: ${(error as Error).message}`);
            }
        }),
    );
}

/** Keeps the record of admins (the engine cannot list a role's members). */
export async function noteUser(access: PresenceAccess, user: IUser): Promise<void> {
    if (user.roles?.includes(ADMIN_ROLE)) {
        await new PresenceRepository(access.read.getPersistenceReader(), access.persis).rememberAdmin({ userId: user.id, username: user.username });
    }
}

export interface EnableOutcome {
    alreadyEnabled: boolean;
    current: number;
    max: number;
}

/**
 * An admin turns the service back on (presence.enableBroadcast, the slash command):
 * refused while over the cap in force.
 */
export async function enablePresence(app: PresenceApp, access: PresenceAccess): Promise<Result<EnableOutcome>> {
    return stateQueue.run(async () => {
        const settings = await readPresenceSettings(access.read);
        const current = await currentConnections(access.read);
        const allowed = checkEnable(current, settings.cap, settings.unlimited);
        if (!allowed.ok) {
            return fail(allowed.error);
        }
        if (!settings.enabled) {
            await setServiceEnabled(app, access.read, true);
        }
        await setWorkspaceBroadcastDisabled(app, access.read, false);
        return ok({ alreadyEnabled: settings.enabled, current, max: settings.cap });
    });
}

/**
 * The line a user gets on their next interaction with the app after a turn-off by the cap
 * (once per turn-off), or undefined. Endpoints and commands prepend it to their answer.
 */
export async function takeInactiveNotice(access: Pick<PresenceAccess, 'read' | 'persis'>, user: IUser): Promise<string | undefined> {
    const settings = await readPresenceSettings(access.read);
    if (settings.enabled) {
        return undefined;
    }
    const repository = new PresenceRepository(access.read.getPersistenceReader(), access.persis);
    const turnOffRecord = await repository.getTurnOff();
    if (!turnOffRecord) {
        return undefined;
    }
    const told = await repository.getNotified(user.id);
    if (told.interaction >= turnOffRecord.epoch) {
        return undefined;
    }
    await repository.setNotified(user.id, { ...told, interaction: turnOffRecord.epoch });
    return presenceMessage(languageOf(user), 'inactive_notice', { cap: turnOffRecord.cap });
}

/** The notice a user gets from the app's bot when they connect while the service is off (once per turn-off). */
export async function sendInactiveNotice(app: PresenceApp, access: PresenceAccess, user: IUser): Promise<void> {
    const settings = await readPresenceSettings(access.read);
    if (settings.enabled || !user.username) {
        return;
    }
    const repository = new PresenceRepository(access.read.getPersistenceReader(), access.persis);
    const turnOffRecord = await repository.getTurnOff();
    if (!turnOffRecord) {
        return;
    }
    const told = await repository.getNotified(user.id);
    if (told.notice >= turnOffRecord.epoch) {
        return;
    }
    await repository.setNotified(user.id, { ...told, notice: turnOffRecord.epoch });
    try {
        await sendDirectMessage(access, user.username, presenceMessage(languageOf(user), 'inactive_notice', { cap: turnOffRecord.cap }));
    } catch (error) {
        app.getLogger().error(`presence: could not send the notice to ${user.username}: ${(error as Error).message}`);
    }
}

/** Moves one user's connection count and applies the cap to the new total. */
export async function recordConnections(
    app: PresenceApp,
    access: PresenceAccess,
    userId: string,
    next: (current: number) => number,
): Promise<ConnectionTotals> {
    const repository = new PresenceRepository(access.read.getPersistenceReader(), access.persis);
    const totals = await runCounted(() => repository.setUserConnections(userId, next));
    await enforceCap(app, access, effectiveCount(totals));
    return totals;
}

/** Whether a user holds one of the roles in `roles_manage_user_status` (standing in for `manage-user-status`). */
export async function canManagePresence(read: IRead, user: IUser): Promise<boolean> {
    const value = await read.getEnvironmentReader().getSettings().getValueById(AppSetting.RolesManageUserStatus);
    const roles = typeof value === 'string' ? value.split(/[,\s]+/).filter((role) => role !== '') : [];
    return roles.some((role) => (user.roles ?? []).includes(role));
}
