import type { Workspace } from '../Workspace';
import type { DdpSession } from './DdpSession';
import { MethodError } from './DdpSession';
import type { PresenceUser } from '../services/UserDoc';
import type { MessageDoc } from '../services/Rooms';

/** listeners.module.ts STATUS_MAP. */
export const STATUS_NUMBER: Record<string, number> = { offline: 0, online: 1, away: 2, busy: 3, disabled: 4 };

const STREAMS = ['stream-notify-user', 'stream-notify-logged', 'stream-room-messages'];

/**
 * Rocket.Chat's streamer subscriptions (apps/meteor/server/modules/streamer/streamer.module.ts with the
 * read rules of server/modules/notifications/notifications.module.ts), and stream-user-presence
 * (app/notifications/server/lib/Presence.ts).
 */
export class Streams {
    constructor(
        private readonly ws: Workspace,
        private readonly sessions: () => Iterable<DdpSession>,
    ) {
        ws.events.on('notify.user', ({ userId, event, args }) => this.emit('stream-notify-user', `${userId}/${event}`, args, (s) => s.userId === userId));
        ws.events.on('presence.status', ({ user }) => this.onPresenceStatus(user));
        ws.events.on('message.saved', ({ message }) => void this.onMessage(message));
    }

    /** A `sub`: answers `ready`, or `nosub` with Rocket.Chat's error. */
    public async subscribe(session: DdpSession, id: string, name: unknown, params: unknown[]): Promise<void> {
        if (name === 'stream-user-presence') {
            this.subscribePresence(session, id, params[1]);
            return;
        }
        if (typeof name !== 'string' || !STREAMS.includes(name)) {
            const error = new MethodError(404, `Subscription '${String(name)}' not found`);
            session.send({ msg: 'nosub', id, error: error.toDdp() });
            return;
        }
        const eventName = typeof params[0] === 'string' ? params[0] : '';
        const options = params[1];
        const useCollection =
            options === true || (typeof options === 'object' && options !== null && (options as { useCollection?: unknown }).useCollection === true);
        if (!eventName) {
            session.send({ msg: 'nosub', id, error: new MethodError('invalid-event-name').toDdp() });
            return;
        }
        if (!(await this.canRead(session, name, eventName))) {
            session.send({ msg: 'nosub', id, error: new MethodError('not-allowed').toDdp() });
            return;
        }
        session.subs.set(id, { id, name, eventName });
        if (useCollection) {
            // collection compatibility: an `added` before `ready`, so later `changed` messages have a document
            session.send({ msg: 'added', collection: name, id: 'id', fields: { eventName } });
        }
        session.send({ msg: 'ready', subs: [id] });
    }

    public unsubscribe(session: DdpSession, id: string): void {
        session.subs.delete(id);
        if (session.presenceSubId === id) {
            session.presenceSubId = undefined;
            session.presenceListeners.clear();
        }
        session.send({ msg: 'nosub', id });
    }

    private async canRead(session: DdpSession, name: string, eventName: string): Promise<boolean> {
        switch (name) {
            case 'stream-notify-user':
                return Boolean(session.userId) && eventName.split('/')[0] === session.userId;
            case 'stream-notify-logged':
                return Boolean(session.userId);
            case 'stream-room-messages': {
                if (eventName === '__my_messages__') return true;
                const room = await this.ws.rooms.findById(eventName);
                return Boolean(room && session.userId && (room.t === 'c' || room.uids.includes(session.userId)));
            }
            default:
                return false;
        }
    }

    /** `{added:[ids], removed:[ids]}`: the first sub of a connection is its one listener set; later ones update it and stop. */
    private subscribePresence(session: DdpSession, id: string, options: unknown): void {
        const { added, removed } = (typeof options === 'object' && options ? options : {}) as { added?: unknown; removed?: unknown };
        if (Array.isArray(added)) for (const uid of added) if (typeof uid === 'string') session.presenceListeners.add(uid);
        if (Array.isArray(removed)) for (const uid of removed) if (typeof uid === 'string') session.presenceListeners.delete(uid);
        if (session.presenceSubId) {
            session.send({ msg: 'nosub', id });
            return;
        }
        session.presenceSubId = id;
        session.send({ msg: 'ready', subs: [id] });
    }

    private emit(name: string, eventName: string, args: unknown[], to: (s: DdpSession) => boolean): void {
        for (const session of this.sessions()) {
            if (!to(session)) continue;
            for (const sub of session.subs.values()) {
                if (sub.name === name && sub.eventName === eventName) {
                    session.send({ msg: 'changed', collection: name, id: 'id', fields: { eventName, args } });
                }
            }
        }
    }

    /** listeners.module.ts on `presence.status`: userData to the user, user-status to everyone logged in, and the presence stream. */
    private onPresenceStatus(user: PresenceUser): void {
        const { _id, username, name, status, statusText, roles } = user;
        if (!status || !username) return;
        this.emit(
            'stream-notify-user',
            `${_id}/userData`,
            [{ type: 'updated', id: _id, diff: { status, ...(statusText ? { statusText } : {}) }, unset: {} }],
            (s) => s.userId === _id,
        );
        this.emit('stream-notify-logged', 'user-status', [[_id, username, STATUS_NUMBER[status], statusText, name, roles]], (s) => Boolean(s.userId));
        const args = [[username, STATUS_NUMBER[status], statusText]];
        for (const session of this.sessions()) {
            if (session.presenceListeners.has(_id)) {
                session.send({ msg: 'changed', collection: 'stream-user-presence', id: _id, fields: { uid: _id, args, eventName: _id } });
            }
        }
    }

    /** A stored message: on its room's stream, and on `__my_messages__` for those who can access the room. */
    private async onMessage(message: MessageDoc): Promise<void> {
        const room = await this.ws.rooms.findById(message.rid);
        if (!room) return;
        this.emit('stream-room-messages', message.rid, [message], () => true);
        const allowed = { roomParticipant: true, roomType: room.t, roomName: room.name };
        this.emit('stream-room-messages', '__my_messages__', [message, allowed], (s) => Boolean(s.userId && (room.t === 'c' || room.uids.includes(s.userId))));
    }
}
