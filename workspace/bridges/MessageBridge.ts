import { MessageBridge } from '@rocket.chat/apps-engine/server/bridges/MessageBridge';
import type { ITypingDescriptor } from '@rocket.chat/apps-engine/server/bridges/MessageBridge';
import type { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import type { HostContext } from '../engine/HostContext';
import { messageFromApp, messageToApp, roomToApp, userToApp } from '../engine/converters';
import { randomId } from '../store/ids';
import type { UserDoc } from '../services/Users';

/** Messages: stored in rooms, and ephemeral ones pushed to `stream-notify-user` `<userId>/message`. */
export class WorkspaceMessageBridge extends MessageBridge {
    constructor(private readonly ctx: HostContext) {
        super();
    }

    private async senderOf(message: IMessage, appId: string): Promise<UserDoc> {
        const sender = (message.sender?.id && (await this.ctx.users.findById(message.sender.id))) || (await this.ctx.users.findByAppId(appId));
        if (!sender) {
            throw new Error('The message has no sender');
        }
        return sender;
    }

    protected async create(message: IMessage, appId: string): Promise<string> {
        const room = message.room?.id ? await this.ctx.rooms.findById(message.room.id) : null;
        if (!room) {
            throw new Error('Invalid room provided to create the message');
        }
        const sender = await this.senderOf(message, appId);
        // a stored message reaches clients on stream-room-messages only; `<uid>/message` is for ephemeral ones
        const doc = await this.ctx.rooms.insertMessage(messageFromApp(message, sender));
        this.ctx.events.emit('message.saved', { message: doc });
        return doc._id;
    }

    protected async update(message: IMessage, appId: string): Promise<void> {
        if (!message.id) throw new Error('A message must exist to update.');
        const existing = await this.ctx.rooms.findMessage(message.id);
        if (!existing) throw new Error('A message must exist to update.');
        const editor = message.editor?.id ? await this.ctx.users.findById(message.editor.id) : await this.ctx.users.findByAppId(appId);
        const { _id: _ignored, ...fields } = messageFromApp(message, await this.senderOf(message, appId));
        await this.ctx.rooms.updateMessage(message.id, {
            ...fields,
            ts: existing.ts,
            editedAt: new Date(),
            ...(editor ? { editedBy: { _id: editor._id, username: editor.username } } : {}),
        });
    }

    /** Rocket.Chat's `notify.ephemeralMessage`: a message only the user sees, never stored. */
    protected async notifyUser(user: IUser, message: IMessage, appId: string): Promise<void> {
        const sender = await this.senderOf(message, appId);
        const doc = { ...messageFromApp(message, sender), _id: message.id || randomId(), _updatedAt: new Date() };
        this.ctx.events.emit('notify.user', { userId: user.id, event: 'message', args: [doc] });
    }

    protected async notifyRoom(room: IRoom, message: IMessage, appId: string): Promise<void> {
        const stored = room?.id ? await this.ctx.rooms.findById(room.id) : null;
        if (!stored) return;
        const sender = await this.senderOf(message, appId);
        const doc = { ...messageFromApp(message, sender), _id: message.id || randomId(), _updatedAt: new Date() };
        for (const uid of stored.uids) {
            this.ctx.events.emit('notify.user', { userId: uid, event: 'message', args: [doc] });
        }
    }

    protected async typing(_options: ITypingDescriptor): Promise<void> {
        // Typing indicators have no reader in the local workspace.
    }

    protected async getById(messageId: string): Promise<IMessage> {
        const doc = await this.ctx.rooms.findMessage(messageId);
        if (!doc) return undefined as unknown as IMessage;
        const room = await this.ctx.rooms.findById(doc.rid);
        const sender = await this.ctx.users.findById(doc.u._id);
        return messageToApp(doc, roomToApp(room!), (sender ? userToApp(sender) : { id: doc.u._id, username: doc.u.username }) as IUser);
    }

    protected async delete(message: IMessage): Promise<void> {
        if (message.id) await this.ctx.rooms.removeMessage(message.id);
    }

    protected async addReaction(): Promise<void> {
        throw new Error('Reactions are not supported by the local workspace');
    }

    protected async removeReaction(): Promise<void> {
        throw new Error('Reactions are not supported by the local workspace');
    }
}
