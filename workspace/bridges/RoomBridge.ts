import { RoomBridge } from '@rocket.chat/apps-engine/server/bridges/RoomBridge';
import type { GetMessagesOptions, GetRoomsFilters, GetRoomsOptions } from '@rocket.chat/apps-engine/server/bridges/RoomBridge';
import type { IRoom, IRoomRaw } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import type { IMessageRaw } from '@rocket.chat/apps-engine/definition/messages';
import type { HostContext } from '../engine/HostContext';
import { roomToApp, userToApp } from '../engine/converters';
import type { RoomDoc } from '../services/Rooms';
import type { UserDoc } from '../services/Users';
import { NotSupportedError } from '../engine/HostContext';

/** Rooms: channels and direct messages (what an app needs to DM users from its bot). */
export class WorkspaceRoomBridge extends RoomBridge {
    constructor(private readonly ctx: HostContext) {
        super();
    }

    private async toApp(room: RoomDoc | null): Promise<IRoom> {
        if (!room) return undefined as unknown as IRoom;
        const creator = room.u ? await this.ctx.users.findById(room.u._id) : null;
        return roomToApp(room, creator);
    }

    private async usersByUsernames(usernames: string[]): Promise<UserDoc[]> {
        const users: UserDoc[] = [];
        for (const name of usernames) {
            const u = await this.ctx.users.findByUsername(name);
            if (!u) throw new Error(`User "${name}" not found`);
            users.push(u);
        }
        return users;
    }

    protected async create(room: IRoom, members: string[], appId: string): Promise<string> {
        const creator = (room.creator?.id && (await this.ctx.users.findById(room.creator.id))) || (await this.ctx.users.findByAppId(appId)) || undefined;
        const users = await this.usersByUsernames([...new Set([...(members ?? []), ...(room.usernames ?? [])])]);
        if (creator && room.type === 'd' && !users.some((u) => u._id === creator._id) && users.length < 2) {
            users.push(creator);
        }
        if (!['c', 'p', 'd'].includes(room.type)) {
            throw new Error(`Room type "${room.type}" is not supported by the local workspace`);
        }
        const created = await this.ctx.rooms.createRoom({
            t: room.type as 'c' | 'p' | 'd',
            name: room.slugifiedName || room.displayName,
            creator,
            members: users,
        });
        return created._id;
    }

    protected async getById(roomId: string): Promise<IRoom> {
        return this.toApp(await this.ctx.rooms.findById(roomId));
    }

    protected async getByName(roomName: string): Promise<IRoom> {
        return this.toApp(await this.ctx.rooms.findByName(roomName));
    }

    protected async getCreatorById(roomId: string): Promise<IUser | undefined> {
        const room = await this.ctx.rooms.findById(roomId);
        const user = room?.u ? await this.ctx.users.findById(room.u._id) : null;
        return user ? userToApp(user) : undefined;
    }

    protected async getCreatorByName(roomName: string): Promise<IUser | undefined> {
        const room = await this.ctx.rooms.findByName(roomName);
        const user = room?.u ? await this.ctx.users.findById(room.u._id) : null;
        return user ? userToApp(user) : undefined;
    }

    protected async getDirectByUsernames(usernames: string[]): Promise<IRoom | undefined> {
        const room = await this.ctx.rooms.findDirectByUsernames(usernames);
        return room ? this.toApp(room) : undefined;
    }

    protected async getMembers(roomId: string): Promise<IUser[]> {
        const room = await this.ctx.rooms.findById(roomId);
        const out: IUser[] = [];
        for (const uid of room?.uids ?? []) {
            const u = await this.ctx.users.findById(uid);
            if (u) out.push(userToApp(u));
        }
        return out;
    }

    protected async getAllRooms(filters: GetRoomsFilters, options: GetRoomsOptions): Promise<IRoomRaw[]> {
        const query = filters?.types?.length ? { t: { $in: filters.types } } : {};
        const rooms = (await this.ctx.store
            .col('rooms')
            .findAsync(query)
            .skip(options?.skip ?? 0)
            .limit(options?.limit ?? 100)) as unknown as RoomDoc[];
        return rooms.map(
            (r) =>
                ({
                    id: r._id,
                    type: r.t,
                    name: r.name,
                    displayName: r.fname,
                    usernames: r.usernames,
                    userIds: r.uids,
                    createdAt: r.ts,
                    updatedAt: r._updatedAt,
                    messageCount: r.msgs,
                }) as unknown as IRoomRaw,
        );
    }

    protected async update(room: IRoom, members: string[]): Promise<void> {
        const current = await this.ctx.rooms.findById(room.id);
        if (!current) throw new Error('A room must exist to update.');
        const added = await this.usersByUsernames((members ?? []).filter((m) => !current.usernames.includes(m)));
        await this.ctx.rooms.update(room.id, {
            ...(room.displayName ? { fname: room.displayName } : {}),
            usernames: [...current.usernames, ...added.map((u) => u.username)],
            uids: [...current.uids, ...added.map((u) => u._id)],
        });
    }

    protected async createDiscussion(): Promise<string> {
        throw new NotSupportedError('Discussions');
    }

    protected async delete(roomId: string): Promise<void> {
        await this.ctx.rooms.remove(roomId);
    }

    protected async getModerators(): Promise<IUser[]> {
        return [];
    }

    protected async getOwners(roomId: string): Promise<IUser[]> {
        const creator = await this.getCreatorById(roomId);
        return creator ? [creator] : [];
    }

    protected async getLeaders(): Promise<IUser[]> {
        return [];
    }

    protected async getMessages(roomId: string, options: GetMessagesOptions): Promise<IMessageRaw[]> {
        const sort = options?.sort?.createdAt === 'asc' ? 1 : -1;
        const { messages } = await this.ctx.rooms.messages(roomId, { count: options?.limit ?? 100, offset: options?.skip ?? 0, sort });
        return messages.map(
            (m) =>
                ({
                    id: m._id,
                    roomId: m.rid,
                    sender: { _id: m.u._id, username: m.u.username, name: m.u.name },
                    text: m.msg,
                    createdAt: m.ts,
                    updatedAt: m._updatedAt,
                    ...(m.tmid ? { threadId: m.tmid } : {}),
                    ...(m.blocks ? { blocks: m.blocks } : {}),
                }) as unknown as IMessageRaw,
        );
    }

    protected async removeUsers(roomId: string, usernames: string[]): Promise<void> {
        const current = await this.ctx.rooms.findById(roomId);
        if (!current) return;
        const keep = current.usernames.map((u, i) => ({ u, id: current.uids[i] })).filter((x) => !usernames.includes(x.u));
        await this.ctx.rooms.update(roomId, { usernames: keep.map((x) => x.u), uids: keep.map((x) => x.id) });
    }

    protected async getUnreadByUser(): Promise<IMessageRaw[]> {
        return [];
    }

    protected async getUserUnreadMessageCount(): Promise<number> {
        return 0;
    }
}
