import type { Store } from '../store/Store';
import type { UserDoc } from './UserDoc';

/**
 * The permissions the workspace checks, with Rocket.Chat's default roles
 * (apps/meteor/app/authorization/server/constant/permissions.ts); an admin may change which roles hold
 * one with `permissions.update` (apps/meteor/app/api/server/v1/permissions.ts). A user holds a
 * permission when one of their roles does.
 */
export const DEFAULT_PERMISSIONS: Record<string, string[]> = {
    'access-permissions': ['admin'],
    'api-bypass-rate-limit': ['admin', 'bot', 'app'],
    'manage-user-status': ['admin'],
};

/** Rocket.Chat's default roles (apps/meteor/app/authorization/server/functions/upsertPermissions / createOrUpdateProtectedRole). */
export const DEFAULT_ROLES = [
    'admin',
    'moderator',
    'leader',
    'owner',
    'user',
    'bot',
    'app',
    'guest',
    'anonymous',
    'livechat-agent',
    'livechat-manager',
    'livechat-monitor',
];

export interface PermissionDoc {
    _id: string;
    roles: string[];
    _updatedAt: Date;
}

const key = (id: string) => `permission:${id}`;

export class Permissions {
    private readonly roles = new Map<string, string[]>();
    private readonly updatedAt = new Map<string, Date>();

    constructor(private readonly store: Store) {}

    /** The defaults, overlaid with what an admin changed (kept in the store's `meta`). */
    public async load(): Promise<void> {
        const started = new Date();
        for (const [id, roles] of Object.entries(DEFAULT_PERMISSIONS)) {
            const stored = (await this.store.col('meta').findOneAsync({ _id: key(id) })) as { roles?: unknown; _updatedAt?: Date } | null;
            const kept = Array.isArray(stored?.roles) ? stored.roles.filter((r): r is string => typeof r === 'string') : roles;
            this.roles.set(id, kept);
            this.updatedAt.set(id, stored?._updatedAt ?? started);
        }
    }

    public exists(id: string): boolean {
        return this.roles.has(id);
    }

    public has(user: Pick<UserDoc, 'roles'> | null | undefined, id: string): boolean {
        const holders = this.roles.get(id);
        return !!user && !!holders && (user.roles ?? []).some((role) => holders.includes(role));
    }

    public list(): PermissionDoc[] {
        return [...this.roles].map(([id, roles]) => ({ _id: id, roles: [...roles], _updatedAt: this.updatedAt.get(id) ?? new Date() }));
    }

    /** Permissions.setRoles: the roles that hold it from now on. */
    public async setRoles(id: string, roles: string[]): Promise<void> {
        const now = new Date();
        await this.store.col('meta').updateAsync({ _id: key(id) }, { _id: key(id), roles, _updatedAt: now }, { upsert: true });
        this.roles.set(id, [...roles]);
        this.updatedAt.set(id, now);
    }
}
