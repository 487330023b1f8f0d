import type { Store } from '../store/Store';
import { asDoc } from '../store/Store';
import { randomId } from '../store/ids';
import type { UserDoc } from './UserDoc';

/** A room as Rocket.Chat stores it (`rocketchat_room`); the workspace carries channels and direct rooms. */
export interface RoomDoc {
    _id: string;
    t: 'c' | 'p' | 'd' | 'l';
    name?: string;
    fname?: string;
    usernames: string[];
    uids: string[];
    u?: { _id: string; username: string };
    msgs: number;
    default?: boolean;
    ro?: boolean;
    sysMes?: boolean;
    ts: Date;
    _updatedAt: Date;
    lm?: Date;
}

/** A message as Rocket.Chat stores it (`rocketchat_message`). */
export interface MessageDoc {
    _id: string;
    rid: string;
    msg: string;
    ts: Date;
    u: { _id: string; username: string; name?: string };
    _updatedAt: Date;
    tmid?: string;
    blocks?: unknown[];
    attachments?: unknown[];
    alias?: string;
    emoji?: string;
    avatar?: string;
    groupable?: boolean;
    parseUrls?: boolean;
    customFields?: Record<string, unknown>;
    editedAt?: Date;
    editedBy?: { _id: string; username: string };
    reactions?: Record<string, { usernames: string[] }>;
}

export const GENERAL_ROOM_ID = 'GENERAL';

export class Rooms {
    constructor(private readonly store: Store) {}

    public async ensureGeneral(): Promise<void> {
        const exists = await this.store.col('rooms').findOneAsync({ _id: GENERAL_ROOM_ID });
        if (!exists) {
            const now = new Date();
            const room: RoomDoc = {
                _id: GENERAL_ROOM_ID,
                t: 'c',
                name: 'general',
                fname: 'general',
                usernames: [],
                uids: [],
                msgs: 0,
                default: true,
                ts: now,
                _updatedAt: now,
            };
            await this.store.col('rooms').insertAsync(asDoc(room));
        }
    }

    public async findById(id: string): Promise<RoomDoc | null> {
        if (typeof id !== 'string' || !id) {
            return null;
        }
        return (await this.store.col('rooms').findOneAsync({ _id: id })) as unknown as RoomDoc | null;
    }

    public async findByName(name: string): Promise<RoomDoc | null> {
        return (await this.store.col('rooms').findOneAsync({ name })) as unknown as RoomDoc | null;
    }

    /** Rocket.Chat's direct room id: the two user ids sorted and concatenated (a self-DM is the id alone). */
    public async getOrCreateDirect(members: UserDoc[], creator?: UserDoc): Promise<RoomDoc> {
        const unique = [...new Map(members.map((m) => [m._id, m])).values()];
        const uids = unique.map((m) => m._id).sort();
        const rid = uids.join('');
        const existing = await this.findById(rid);
        if (existing) {
            return existing;
        }
        const now = new Date();
        const room: RoomDoc = {
            _id: rid,
            t: 'd',
            usernames: unique.map((m) => m.username),
            uids,
            msgs: 0,
            ts: now,
            _updatedAt: now,
            ...(creator ? { u: { _id: creator._id, username: creator.username } } : {}),
        };
        await this.store.col('rooms').insertAsync(asDoc(room));
        return room;
    }

    public async findDirectByUsernames(usernames: string[]): Promise<RoomDoc | null> {
        const wanted = [...new Set(usernames)].sort();
        const rooms = (await this.store.col('rooms').findAsync({ t: 'd', usernames: { $in: wanted } })) as unknown as RoomDoc[];
        return rooms.find((r) => [...r.usernames].sort().join('\n') === wanted.join('\n')) ?? null;
    }

    public async createRoom(input: { t: RoomDoc['t']; name?: string; creator?: UserDoc; members: UserDoc[] }): Promise<RoomDoc> {
        if (input.t === 'd') {
            return this.getOrCreateDirect(input.members, input.creator);
        }
        const now = new Date();
        const room: RoomDoc = {
            _id: randomId(),
            t: input.t,
            name: input.name,
            fname: input.name,
            usernames: input.members.map((m) => m.username),
            uids: input.members.map((m) => m._id),
            msgs: 0,
            ts: now,
            _updatedAt: now,
            ...(input.creator ? { u: { _id: input.creator._id, username: input.creator.username } } : {}),
        };
        await this.store.col('rooms').insertAsync(asDoc(room));
        return room;
    }

    public async update(id: string, fields: Partial<RoomDoc>): Promise<void> {
        const set: Record<string, unknown> = { ...fields, _updatedAt: new Date() };
        delete set._id;
        await this.store.col('rooms').updateAsync({ _id: id }, { $set: set }, {});
    }

    public async remove(id: string): Promise<void> {
        await this.store.col('rooms').removeAsync({ _id: id }, {});
        await this.store.col('messages').removeAsync({ rid: id }, { multi: true });
    }

    public async insertMessage(message: Omit<MessageDoc, '_id' | '_updatedAt'> & { _id?: string }): Promise<MessageDoc> {
        const doc: MessageDoc = { ...message, _id: message._id || randomId(), _updatedAt: new Date() };
        await this.store.col('messages').insertAsync(asDoc(doc));
        await this.store.col('rooms').updateAsync({ _id: doc.rid }, { $inc: { msgs: 1 }, $set: { lm: doc.ts, _updatedAt: new Date() } }, {});
        return doc;
    }

    public async updateMessage(id: string, fields: Partial<MessageDoc>): Promise<void> {
        const set: Record<string, unknown> = { ...fields, _updatedAt: new Date() };
        delete set._id;
        await this.store.col('messages').updateAsync({ _id: id }, { $set: set }, {});
    }

    public async findMessage(id: string): Promise<MessageDoc | null> {
        return (await this.store.col('messages').findOneAsync({ _id: id })) as unknown as MessageDoc | null;
    }

    public async removeMessage(id: string): Promise<void> {
        await this.store.col('messages').removeAsync({ _id: id }, {});
    }

    public async messages(rid: string, opts: { count?: number; offset?: number; sort?: 1 | -1 } = {}): Promise<{ messages: MessageDoc[]; total: number }> {
        const total = await this.store.col('messages').countAsync({ rid });
        const messages = (await this.store
            .col('messages')
            .findAsync({ rid })
            .sort({ ts: opts.sort ?? -1 })
            .skip(opts.offset ?? 0)
            .limit(opts.count ?? 50)) as unknown as MessageDoc[];
        return { messages, total };
    }
}
