/** A user as the status rules see one: no engine types. */
export interface StatusUser {
    id: string;
    username: string;
    roles: ReadonlyArray<string>;
    status?: string;
    statusText?: string;
    statusConnection?: string;
}

/** Who a request names: the caller, or another user by id (tried first) or by username. */
export type TargetRef = { kind: 'self' } | { kind: 'userId'; userId: string } | { kind: 'username'; username: string };

/** Looks a user up; `undefined` when there is none. Usernames match case-insensitively. */
export type UserLookup = (ref: Exclude<TargetRef, { kind: 'self' }>) => Promise<StatusUser | undefined>;

function nonEmpty(value: unknown): string | undefined {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Rocket.Chat's `isUserFromParams` + `getUserFromParams`: no `userId`/`username`, or ones that name
 * the caller, mean the caller; otherwise `userId` is tried first, then `username` (case-insensitive).
 */
export function targetReference(params: { userId?: unknown; username?: unknown }, caller: Pick<StatusUser, 'id' | 'username'>): TargetRef {
    const userId = nonEmpty(params.userId);
    const username = nonEmpty(params.username);
    if (userId) {
        return userId === caller.id ? { kind: 'self' } : { kind: 'userId', userId };
    }
    if (username) {
        return username.toLowerCase() === caller.username.toLowerCase() ? { kind: 'self' } : { kind: 'username', username };
    }
    return { kind: 'self' };
}

/** Role names from a comma- or space-separated setting value such as `admin, moderator`. */
export function parseRoleList(value: unknown): string[] {
    if (typeof value !== 'string') {
        return [];
    }
    return value
        .split(/[,\s]+/)
        .map((role) => role.trim())
        .filter((role) => role !== '');
}

export function hasAnyRole(user: Pick<StatusUser, 'roles'>, roles: ReadonlyArray<string>): boolean {
    return roles.some((role) => user.roles.includes(role));
}
