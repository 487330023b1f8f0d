import type { Store } from '../store/Store';
import { asDoc } from '../store/Store';
import { randomId, randomSecret } from '../store/ids';
import { hashPassword, hashToken, verifyPassword } from './passwords';
import type { Events } from './Events';

export type UserType = 'user' | 'app' | 'bot';

/** A user as Rocket.Chat stores it (the `users` collection), minus what the workspace does not carry. */
export interface UserDoc {
    _id: string;
    username: string;
    name: string;
    emails: Array<{ address: string; verified: boolean }>;
    roles: string[];
    type: UserType;
    active: boolean;
    status: string;
    statusText: string;
    statusDefault: string;
    statusConnection: string;
    utcOffset: number;
    createdAt: Date;
    _updatedAt: Date;
    lastLogin?: Date;
    appId?: string;
    customFields?: Record<string, unknown>;
    services?: { password?: { hash: string }; resume?: { loginTokens: Array<{ hashedToken: string; when: Date }> } };
}

export interface NewUser {
    username: string;
    name?: string;
    email?: string;
    password?: string;
    roles?: string[];
    type?: UserType;
    appId?: string;
    active?: boolean;
    utcOffset?: number;
}

export class UserError extends Error {
    constructor(
        message: string,
        public readonly errorType: string,
    ) {
        super(message);
    }
}

const USERNAME = /^[A-Za-z0-9._-]{1,64}$/;

/** Users, their logins and their status fields. Status follows Rocket.Chat's rule (see `visibleStatus`). */
export class Users {
    private readonly tokenToUser = new Map<string, string>();

    constructor(
        private readonly store: Store,
        private readonly events: Events,
    ) {}

    public async load(): Promise<void> {
        const users = (await this.store.col('users').findAsync({})) as unknown as UserDoc[];
        for (const user of users) {
            for (const t of user.services?.resume?.loginTokens ?? []) {
                this.tokenToUser.set(t.hashedToken, user._id);
            }
        }
        // Nobody is connected when the workspace starts.
        for (const user of users) {
            if (user.type !== 'user') {
                continue;
            }
            if (user.statusConnection !== 'offline' || user.status !== Users.visibleStatus(user.statusDefault, false, 'offline')) {
                await this.store
                    .col('users')
                    .updateAsync(
                        { _id: user._id },
                        { $set: { statusConnection: 'offline', status: Users.visibleStatus(user.statusDefault, false, 'offline') } },
                        {},
                    );
            }
        }
    }

    /** Rocket.Chat's rule: disconnected is offline; connected with default `online` shows the connection's state; any other default sticks. */
    public static visibleStatus(statusDefault: string, connected: boolean, statusConnection: string): string {
        if (!connected) {
            return 'offline';
        }
        if (!statusDefault || statusDefault === 'online') {
            return statusConnection === 'away' ? 'away' : 'online';
        }
        return statusDefault;
    }

    public async create(input: NewUser): Promise<UserDoc> {
        const username = (input.username ?? '').trim();
        if (!USERNAME.test(username)) {
            throw new UserError(
                `${username || 'username'} is not a valid username, use only letters, numbers, dots, hyphens and underscores`,
                'error-input-is-not-a-valid-field',
            );
        }
        if (await this.findByUsername(username)) {
            throw new UserError(`${username} is already in use :( [error-field-unavailable]`, 'error-field-unavailable');
        }
        const email = input.email?.trim().toLowerCase();
        if (email) {
            const taken = await this.store.col('users').findOneAsync({ 'emails.address': email });
            if (taken) {
                throw new UserError(`${email} is already in use :( [error-field-unavailable]`, 'error-field-unavailable');
            }
        }
        const now = new Date();
        const user: UserDoc = {
            _id: randomId(),
            username,
            name: input.name?.trim() || username,
            emails: email ? [{ address: email, verified: false }] : [],
            roles: input.roles && input.roles.length ? [...new Set(input.roles)] : ['user'],
            type: input.type ?? 'user',
            active: input.active ?? true,
            status: input.type === 'app' || input.type === 'bot' ? 'online' : 'offline',
            statusText: '',
            statusDefault: 'online',
            statusConnection: 'offline',
            utcOffset: input.utcOffset ?? 0,
            createdAt: now,
            _updatedAt: now,
            ...(input.appId ? { appId: input.appId } : {}),
            services: input.password ? { password: { hash: hashPassword(input.password) }, resume: { loginTokens: [] } } : { resume: { loginTokens: [] } },
        };
        await this.store.col('users').insertAsync(asDoc(user));
        this.events.emit('user.created', { user });
        return user;
    }

    public async findById(id: string): Promise<UserDoc | null> {
        if (typeof id !== 'string' || !id) {
            return null;
        }
        return (await this.store.col('users').findOneAsync({ _id: id })) as unknown as UserDoc | null;
    }

    public async findByUsername(username: string): Promise<UserDoc | null> {
        if (typeof username !== 'string' || !username) {
            return null;
        }
        const exact = (await this.store.col('users').findOneAsync({ username })) as unknown as UserDoc | null;
        if (exact) {
            return exact;
        }
        const lower = username.toLowerCase();
        const all = (await this.store.col('users').findAsync({
            $where: function (this: UserDoc) {
                return this.username.toLowerCase() === lower;
            },
        })) as unknown as UserDoc[];
        return all[0] ?? null;
    }

    public async findByAppId(appId: string): Promise<UserDoc | null> {
        return (await this.store.col('users').findOneAsync({ appId, type: 'app' })) as unknown as UserDoc | null;
    }

    public async find(query: Record<string, unknown> = {}): Promise<UserDoc[]> {
        return (await this.store.col('users').findAsync(query)) as unknown as UserDoc[];
    }

    public async count(query: Record<string, unknown> = {}): Promise<number> {
        return this.store.col('users').countAsync(query);
    }

    /** Password login: the plain password or its sha-256 digest. Returns the user and a new resume token. */
    public async loginWithPassword(userOrEmail: string, password: string, isDigest = false): Promise<{ user: UserDoc; token: string } | null> {
        if (typeof userOrEmail !== 'string' || typeof password !== 'string' || !userOrEmail || !password) {
            return null;
        }
        let user = await this.findByUsername(userOrEmail);
        if (!user && userOrEmail.includes('@')) {
            user = (await this.store.col('users').findOneAsync({ 'emails.address': userOrEmail.toLowerCase() })) as unknown as UserDoc | null;
        }
        const hash = user?.services?.password?.hash;
        if (!user || !hash || !user.active || !verifyPassword(hash, password, isDigest)) {
            return null;
        }
        const token = await this.issueToken(user._id);
        return { user, token };
    }

    public async issueToken(userId: string): Promise<string> {
        const token = randomSecret(32);
        const hashedToken = hashToken(token);
        await this.store
            .col('users')
            .updateAsync({ _id: userId }, { $push: { 'services.resume.loginTokens': { hashedToken, when: new Date() } }, $set: { lastLogin: new Date() } }, {});
        this.tokenToUser.set(hashedToken, userId);
        return token;
    }

    public async revokeToken(token: string): Promise<void> {
        const hashedToken = hashToken(token);
        const userId = this.tokenToUser.get(hashedToken);
        this.tokenToUser.delete(hashedToken);
        if (userId) {
            await this.store.col('users').updateAsync({ _id: userId }, { $pull: { 'services.resume.loginTokens': { hashedToken } } }, {});
        }
    }

    /** The user a resume token belongs to (optionally checking the user id too), or null. */
    public async resolveToken(token: unknown, userId?: unknown): Promise<UserDoc | null> {
        if (typeof token !== 'string' || !token) {
            return null;
        }
        const owner = this.tokenToUser.get(hashToken(token));
        if (!owner || (userId !== undefined && userId !== owner)) {
            return null;
        }
        const user = await this.findById(owner);
        return user && user.active ? user : null;
    }

    public async setPassword(userId: string, password: string): Promise<void> {
        await this.store.col('users').updateAsync({ _id: userId }, { $set: { 'services.password.hash': hashPassword(password) } }, {});
    }

    /** Plain field updates (no status logic). Returns the updated user. */
    public async updateFields(userId: string, fields: Partial<UserDoc>): Promise<UserDoc | null> {
        const set: Record<string, unknown> = { ...fields, _updatedAt: new Date() };
        delete set._id;
        delete set.services;
        await this.store.col('users').updateAsync({ _id: userId }, { $set: set }, {});
        return this.findById(userId);
    }

    /**
     * Changes the status fields and recomputes `status`; emits `user.status` when anything visible changed
     * (Rocket.Chat's `presence.status` event, which the apps see as IPostUserStatusChanged).
     */
    public async setStatusFields(
        userId: string,
        change: { statusDefault?: string; statusConnection?: string; statusText?: string; connected?: boolean },
    ): Promise<UserDoc | null> {
        const user = await this.findById(userId);
        if (!user) {
            return null;
        }
        const statusDefault = change.statusDefault ?? user.statusDefault;
        const statusConnection = change.statusConnection ?? user.statusConnection;
        const connected = change.connected ?? statusConnection !== 'offline';
        const statusText = change.statusText ?? user.statusText ?? '';
        const status = Users.visibleStatus(statusDefault, connected, statusConnection);
        if (
            statusDefault === user.statusDefault &&
            statusConnection === user.statusConnection &&
            statusText === (user.statusText ?? '') &&
            status === user.status
        ) {
            return user;
        }
        const updated = await this.updateFields(userId, { statusDefault, statusConnection, statusText, status });
        if (updated && (status !== user.status || statusText !== (user.statusText ?? '') || statusDefault !== user.statusDefault)) {
            this.events.emit('user.status', { user: updated, previousStatus: user.status, previousStatusText: user.statusText });
        }
        return updated;
    }

    public async remove(userId: string): Promise<boolean> {
        const user = await this.findById(userId);
        if (!user) {
            return false;
        }
        for (const t of user.services?.resume?.loginTokens ?? []) {
            this.tokenToUser.delete(t.hashedToken);
        }
        await this.store.col('users').removeAsync({ _id: userId }, {});
        return true;
    }
}

/** The public view of a user (never services). */
export function publicUser(user: UserDoc): Omit<UserDoc, 'services'> {
    const { services: _services, ...rest } = user;
    return rest;
}
