import { IRoom, RoomType } from '@rocket.chat/apps-engine/definition/rooms';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { languageOf } from '../../i18n/translate';
import { AdminRepository } from '../../storage/presence/AdminRepository';
import { PresenceAccess, PresenceApp, describeError, storeOf } from './PresenceApp';

export const ADMIN_ROLE = 'admin';

/** Admins this instance has already recorded: a cache that saves a write, never the truth (the store is). */
const recorded = new Set<string>();

/**
 * Remembers an admin the app met (the installer, a login, a command, the console, an endpoint),
 * so that it can message them: the engine cannot list the members of a role.
 */
export async function noteAdmin(access: Pick<PresenceAccess, 'read' | 'persis'>, user: IUser | undefined): Promise<void> {
    if (!user?.id || !user.username || !(user.roles ?? []).includes(ADMIN_ROLE) || recorded.has(user.id)) {
        return;
    }
    await new AdminRepository(storeOf(access)).remember({ userId: user.id, username: user.username });
    recorded.add(user.id);
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
    const creator = access.modify.getCreator();
    const builder = creator.startRoom().setType(RoomType.DIRECT_MESSAGE).setCreator(bot).setMembersToBeAddedByUsernames([bot.username, username]);
    return rooms.getById(await creator.finish(builder));
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
    const creator = access.modify.getCreator();
    await creator.finish(creator.startMessage().setSender(bot).setRoom(room).setText(text));
}

/**
 * A direct message to each admin the app knows of, in the admin's language. An admin who is no
 * longer one (or gone) is forgotten; a failure for one admin does not stop the others.
 */
export async function messageAdmins(app: PresenceApp, access: PresenceAccess, text: (language: string | undefined) => string): Promise<number> {
    const repository = new AdminRepository(storeOf(access));
    const admins = await repository.list();
    if (admins.length === 0) {
        app.getLogger().warn('presence: no admin known to the app yet, none was messaged');
    }
    const sent = await Promise.all(
        admins.map(async (record) => {
            try {
                const user = await access.read.getUserReader().getById(record.userId);
                if (!user || !(user.roles ?? []).includes(ADMIN_ROLE)) {
                    await repository.forget(record.userId);
                    recorded.delete(record.userId);
                    return false;
                }
                await sendDirectMessage(access, user.username, text(languageOf(user)));
                return true;
            } catch (error) {
                app.getLogger().error(`presence: could not message admin ${record.username}: ${describeError(error)}`);
                return false;
            }
        }),
    );
    return sent.filter(Boolean).length;
}
