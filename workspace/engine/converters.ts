import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import type { UserDoc } from '../services/Users';
import type { RoomDoc, MessageDoc } from '../services/Rooms';
import type { SettingDoc } from '../services/Settings';

const USER_TYPES: Record<string, string> = { user: 'user', bot: 'bot', app: 'app' };
const CONNECTION_STATUSES = ['offline', 'online', 'away', 'busy'];

/**
 * Rocket.Chat's AppUsersConverter.convertToApp (apps/meteor/app/apps/server/converters/users.ts),
 * also for the partial users of `presence.status`: a missing field stays undefined, a missing type
 * becomes 'unknown' and a missing connection status the string 'undefined'; the language comes from
 * settings.preferences.language.
 */
export function userToApp(user: Partial<UserDoc> & { _id: string }): IUser {
    const type = user.type ? (USER_TYPES[user.type] ?? String(user.type).toUpperCase()) : 'unknown';
    const sc = user.statusConnection;
    const statusConnection = sc === undefined ? 'undefined' : CONNECTION_STATUSES.includes(sc) ? sc : sc ? sc.toUpperCase() : 'offline';
    const language = user.settings?.preferences?.language;
    return {
        id: user._id,
        username: user.username,
        emails: user.emails,
        type,
        isEnabled: user.active,
        name: user.name,
        roles: user.roles,
        status: user.status,
        statusText: user.statusText,
        statusConnection,
        utcOffset: user.utcOffset,
        createdAt: user.createdAt,
        updatedAt: user._updatedAt,
        lastLoginAt: user.lastLogin,
        appId: user.appId,
        customFields: user.customFields,
        settings: { preferences: { ...(language ? { language } : {}) } },
    } as unknown as IUser;
}

export function roomToApp(room: RoomDoc, creator?: UserDoc | null): IRoom {
    return {
        id: room._id,
        ...(room.fname ? { displayName: room.fname } : {}),
        slugifiedName: room.name ?? '',
        type: room.t as IRoom['type'],
        creator: (creator ? userToApp(creator) : undefined) as IUser,
        usernames: room.usernames ?? [],
        userIds: room.uids ?? [],
        isDefault: room.default ?? false,
        isReadOnly: room.ro ?? false,
        displaySystemMessages: room.sysMes ?? true,
        messageCount: room.msgs ?? 0,
        createdAt: room.ts,
        updatedAt: room._updatedAt,
        lastModifiedAt: room.lm ?? room._updatedAt,
    };
}

/** An app message to the stored shape (Rocket.Chat's AppMessagesConverter.convertAppMessage). */
export function messageFromApp(message: IMessage, sender: UserDoc): Omit<MessageDoc, '_id' | '_updatedAt'> & { _id?: string } {
    return {
        ...(message.id ? { _id: message.id } : {}),
        rid: message.room?.id,
        msg: message.text ?? '',
        ts: message.createdAt ? new Date(message.createdAt) : new Date(),
        u: { _id: sender._id, username: sender.username, name: sender.name },
        ...(message.threadId ? { tmid: message.threadId } : {}),
        ...(message.blocks ? { blocks: message.blocks as unknown[] } : {}),
        ...(message.attachments ? { attachments: message.attachments as unknown[] } : {}),
        ...(message.alias ? { alias: message.alias } : {}),
        ...(message.emoji ? { emoji: message.emoji } : {}),
        ...(message.avatarUrl ? { avatar: message.avatarUrl } : {}),
        ...(message.groupable !== undefined ? { groupable: message.groupable } : {}),
        ...(message.parseUrls !== undefined ? { parseUrls: message.parseUrls } : {}),
        ...(message.customFields ? { customFields: message.customFields } : {}),
    };
}

export function messageToApp(doc: MessageDoc, room: IRoom, sender: IUser): IMessage {
    return {
        id: doc._id,
        room,
        sender,
        text: doc.msg,
        createdAt: doc.ts,
        updatedAt: doc._updatedAt,
        ...(doc.tmid ? { threadId: doc.tmid } : {}),
        ...(doc.blocks ? { blocks: doc.blocks as IMessage['blocks'] } : {}),
        ...(doc.attachments ? { attachments: doc.attachments as IMessage['attachments'] } : {}),
        ...(doc.alias ? { alias: doc.alias } : {}),
        ...(doc.emoji ? { emoji: doc.emoji } : {}),
        ...(doc.groupable !== undefined ? { groupable: doc.groupable } : {}),
        ...(doc.customFields ? { customFields: doc.customFields } : {}),
    };
}

export function settingToApp(setting: SettingDoc): ISetting {
    return {
        id: setting._id,
        type: (setting.type === 'int' ? 'number' : setting.type) as ISetting['type'],
        packageValue: setting.packageValue,
        value: setting.value,
        required: false,
        public: setting.public,
        i18nLabel: setting.i18nLabel,
        updatedAt: setting._updatedAt,
    };
}
