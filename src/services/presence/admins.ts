import { IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IRoom, RoomType } from '@rocket.chat/apps-engine/definition/rooms';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { languageOf } from '../../i18n/translate';
import { AdminRepository } from '../../storage/presence/AdminRepository';
import { MessageSentRepository } from '../../storage/MessageSentRepository';
import { RecordStore } from '../../storage/records';

export const ADMIN_ROLE = 'admin';

interface Access {
    read: IRead;
    modify: IModify;
    persis: IPersistence;
}

const storeOf = (access: Pick<Access, 'read' | 'persis'>) => new RecordStore(access.read.getPersistenceReader(), access.persis);

/**
 * Admins this process has seen stored: a cache that only saves a write. It cannot hide an admin
 * from a message: the list is always read from the shared store, and a record is removed only when
 * its user no longer exists (an admin who lost the role is skipped, not forgotten, so a cache on
 * another instance never stands for a record that is gone).
 */
const recorded = new Set<string>();

/**
 * Remembers an admin the app met (the installer, a login, a command, the console, an endpoint),
 * so that it can message them: the engine cannot list the members of a role.
 */
export async function noteAdmin(access: Pick<Access, 'read' | 'persis'>, user: IUser | undefined): Promise<void> {
    if (!user?.id || !user.username || !(user.roles ?? []).includes(ADMIN_ROLE) || recorded.has(user.id)) {
        return;
    }
    await new AdminRepository(storeOf(access)).remember({ userId: user.id, username: user.username });
    recorded.add(user.id);
}

async function directRoom(access: Access, bot: IUser, username: string): Promise<IRoom | undefined> {
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
export async function sendDirectMessage(access: Access, username: string, text: string): Promise<void> {
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

export interface AdminsMessaged {
    sent: number;
    /** admins who could not be reached this time */
    failed: string[];
}

/**
 * A direct message to each admin the app knows of who still is one, in the admin's language. With
 * `sentKey`, each admin who got it is noted, and a second run (a retry) skips them. A failure for
 * one admin does not stop the others; it is answered in `failed`.
 */
export async function messageAdmins(access: Access, text: (language: string | undefined) => string, sentKey?: string): Promise<AdminsMessaged> {
    const store = storeOf(access);
    const repository = new AdminRepository(store);
    const markers = new MessageSentRepository(store);
    const [admins, already] = await Promise.all([repository.list(), sentKey ? markers.recipients(sentKey) : new Set<string>()]);
    const outcome: AdminsMessaged = { sent: 0, failed: [] };
    for (const record of admins) {
        if (already.has(record.userId)) {
            continue;
        }
        try {
            const user = await access.read.getUserReader().getById(record.userId);
            if (!user) {
                await repository.forget(record.userId);
                recorded.delete(record.userId);
                continue;
            }
            if (!(user.roles ?? []).includes(ADMIN_ROLE)) {
                continue;
            }
            await sendDirectMessage(access, user.username, text(languageOf(user)));
            outcome.sent++;
            if (sentKey) {
                await markers.add(sentKey, record.userId);
            }
        } catch {
            outcome.failed.push(record.username);
        }
    }
    return outcome;
}
