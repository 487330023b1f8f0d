import type { Store } from '../store/Store';
import { asDoc } from '../store/Store';
import { randomId, randomSecret } from '../store/ids';
import { hashPassword, hashToken, verifyPassword } from './passwords';
import type { Events, Origin } from './Events';
import type { UserDoc, UserType } from './UserDoc';

export type { UserDoc, UserType } from './UserDoc';

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
    /** users.create `verified`: the e-mail address counts as verified (saveUser). */
    verified?: boolean;
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

    /** `origin`: the instance that served the request (IPostUserCreated goes to its app). */
    public async create(input: NewUser, origin: Origin = {}): Promise<UserDoc> {
        const username = (input.username ?? '').trim();
        if (!USERNAME.test(username)) {
            throw new UserError(
                `${username || 'username'} is not a valid username, use only letters, numbers, dots, hyphens and underscores`,
                'error-input-is-not-a-valid-field',
            );
        }
        if (await this.findByUsernameIgnoringCase(username)) {
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
            emails: email ? [{ address: email, verified: input.verified === true }] : [],
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
        this.events.emit('user.created', { user, ...origin });
        return user;
    }

    public async findById(id: string): Promise<UserDoc | null> {
        if (typeof id !== 'string' || !id) {
            return null;
        }
        return (await this.store.col('users').findOneAsync({ _id: id })) as unknown as UserDoc | null;
    }

    /** Exact, as Rocket.Chat's models `findOneByUsername` (what the engine's user bridge uses). */
    public async findByUsername(username: string): Promise<UserDoc | null> {
        if (typeof username !== 'string' || !username) {
            return null;
        }
        return (await this.store.col('users').findOneAsync({ username })) as unknown as UserDoc | null;
    }

    /** Rocket.Chat's `findOneByUsernameIgnoringCase` (REST getUserFromParams, username availability). */
    public async findByUsernameIgnoringCase(username: string): Promise<UserDoc | null> {
        if (typeof username !== 'string' || !username) {
            return null;
        }
        const lower = username.toLowerCase();
        const matches = (await this.store.col('users').findAsync({
            $where: function (this: UserDoc) {
                return this.username.toLowerCase() === lower;
            },
        })) as unknown as UserDoc[];
        return matches.find((u) => u.username === username) ?? matches[0] ?? null;
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
        // Meteor's Accounts.findUserByUsername: exact, else the one case-insensitive match
        let user = await this.findByUsername(userOrEmail);
        if (!user) {
            const lower = userOrEmail.toLowerCase();
            const matches = (await this.store.col('users').findAsync({
                $where: function (this: UserDoc) {
                    return this.username.toLowerCase() === lower;
                },
            })) as unknown as UserDoc[];
            user = matches.length === 1 ? matches[0] : null;
        }
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
     * Rocket.Chat's `Users.updateStatusById`: writes the given status fields; `modified` tells whether
     * the stored document changed (its `modifiedCount`). Events are the caller's business.
     */
    public async writeStatus(
        userId: string,
        fields: { status?: string; statusDefault?: string; statusConnection?: string; statusText?: string },
    ): Promise<{ before: UserDoc; after: UserDoc; modified: boolean } | null> {
        const before = await this.findById(userId);
        if (!before) {
            return null;
        }
        const set: Partial<UserDoc> = {};
        for (const key of ['status', 'statusDefault', 'statusConnection', 'statusText'] as const) {
            const value = fields[key];
            if (value !== undefined && value !== before[key]) set[key] = value;
        }
        if (Object.keys(set).length === 0) {
            return { before, after: before, modified: false };
        }
        const after = (await this.updateFields(userId, set)) ?? { ...before, ...set };
        return { before, after, modified: true };
    }

    /** Rocket.Chat's saveUserPreferences: each key under settings.preferences, the language also top-level. */
    public async setPreferences(userId: string, preferences: Record<string, unknown>): Promise<UserDoc | null> {
        const set: Record<string, unknown> = { _updatedAt: new Date() };
        for (const [key, value] of Object.entries(preferences)) set[`settings.preferences.${key}`] = value;
        if (typeof preferences.language === 'string') set.language = preferences.language;
        await this.store.col('users').updateAsync({ _id: userId }, { $set: set }, {});
        return this.findById(userId);
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
