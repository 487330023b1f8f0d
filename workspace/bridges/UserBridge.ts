import { UserBridge } from '@rocket.chat/apps-engine/server/bridges/UserBridge';
import type { IUser, IUserCreationOptions } from '@rocket.chat/apps-engine/definition/users';
import { UserType } from '@rocket.chat/apps-engine/definition/users';
import type { HostContext } from '../engine/HostContext';
import { userToApp } from '../engine/converters';
import type { UserDoc } from '../services/Users';

/** Rocket.Chat's AppUserBridge: users, the app's bot user, and user updates (status through presence). */
export class WorkspaceUserBridge extends UserBridge {
    constructor(private readonly ctx: HostContext) {
        super();
    }

    public async getById(id: string): Promise<IUser> {
        const user = await this.ctx.users.findById(id);
        return (user ? userToApp(user) : undefined) as IUser;
    }

    public async getByUsername(username: string): Promise<IUser> {
        const user = await this.ctx.users.findByUsername(username);
        return (user ? userToApp(user) : undefined) as IUser;
    }

    public async getAppUser(appId?: string): Promise<IUser | undefined> {
        if (!appId) return undefined;
        const user = await this.ctx.users.findByAppId(appId);
        return user ? userToApp(user) : undefined;
    }

    public async getActiveUserCount(): Promise<number> {
        return this.ctx.users.count({ active: true, type: 'user' });
    }

    public async getUserUnreadMessageCount(): Promise<number> {
        return 0;
    }

    public async getUserRoomIds(userId: string): Promise<string[]> {
        const rooms = await this.ctx.store.col('rooms').findAsync({ uids: userId });
        return rooms.map((r) => r._id);
    }

    public async create(data: Partial<IUser>, appId: string, _options?: IUserCreationOptions): Promise<string> {
        const type = data.type === UserType.APP ? 'app' : data.type === UserType.BOT ? 'bot' : 'user';
        if (type === 'user') {
            throw new Error('Creating normal users is currently not supported');
        }
        if (type === 'app') {
            const existing = await this.ctx.users.findByAppId(appId);
            if (existing) return existing._id;
        }
        const user = await this.ctx.users.create({
            username: data.username ?? '',
            name: data.name,
            email: data.emails?.[0]?.address,
            roles: data.roles,
            type,
            appId: type === 'app' ? appId : undefined,
            active: data.isEnabled ?? true,
        });
        return user._id;
    }

    public async remove(user: IUser, _appId: string): Promise<boolean> {
        return this.ctx.users.remove(user.id);
    }

    /**
     * Rocket.Chat's AppUserBridge.update (app/apps/server/bridges/users.ts): `status` goes through the
     * presence service (Presence.setStatus with the statusText of the same update, which broadcasts only
     * when the stored status fields changed); every other field is written as given, with no event, so a
     * message-only update (updateStatusText) fires nothing.
     */
    public async update(user: IUser, updates: Partial<IUser>, appId: string): Promise<boolean> {
        if (!user) {
            throw new Error('User not provided');
        }
        if (!updates || !Object.keys(updates).length) {
            return true;
        }
        this.ctx.userUpdates?.record({ instance: this.ctx.instance, appId, userId: user.id, fields: { ...updates } });
        const { status, ...rest } = updates;
        if (status) {
            await this.ctx.presence.setStatus(user.id, status, rest.statusText, this.ctx.instance);
        }
        const fields: Record<string, unknown> = { ...rest };
        delete fields.id;
        delete fields._id;
        delete fields.services;
        if (Object.keys(fields).length) {
            await this.ctx.users.updateFields(user.id, fields as Partial<UserDoc>);
        }
        return true;
    }

    public async deleteUsersCreatedByApp(appId: string, type: UserType.APP | UserType.BOT): Promise<boolean> {
        const users = await this.ctx.users.find({ appId, type: type === UserType.APP ? 'app' : 'bot' });
        for (const u of users) await this.ctx.users.remove(u._id);
        return true;
    }

    public async deactivate(userId: string, _confirmRelinquish: boolean, _appId: string): Promise<boolean> {
        await this.ctx.users.updateFields(userId, { active: false });
        return true;
    }
}
