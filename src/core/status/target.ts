/** A user as the status rules see one: no engine types. */
export interface StatusUser {
    id: string;
    username?: string;
    roles: ReadonlyArray<string>;
    status?: string;
    statusText?: string;
    statusConnection?: string;
}

/**
 * Who a request names: the caller, another user by id (tried first) or by username, or a name
 * of the wrong type (not a string), which names nobody.
 */
export type TargetRef = { kind: 'self' } | { kind: 'userId'; userId: string } | { kind: 'username'; username: string } | { kind: 'invalid' };

export type OtherUserRef = Extract<TargetRef, { kind: 'userId' } | { kind: 'username' }>;

const given = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/**
 * Rocket.Chat's `isUserFromParams` + `getUserFromParams`: no `userId`/`username`, or ones that name
 * the caller, mean the caller; otherwise `userId` is tried first, then `username`.
 */
export function targetReference(params: { userId?: unknown; username?: unknown }, caller: Pick<StatusUser, 'id' | 'username'>): TargetRef {
    const { userId, username } = params;
    if (given(userId)) {
        if (typeof userId !== 'string') {
            return { kind: 'invalid' };
        }
        const id = userId.trim();
        if (id !== '') {
            return id === caller.id ? { kind: 'self' } : { kind: 'userId', userId: id };
        }
    }
    if (given(username)) {
        if (typeof username !== 'string') {
            return { kind: 'invalid' };
        }
        const name = username.trim().replace(/^@/, '');
        if (name !== '') {
            return caller.username !== undefined && name.toLowerCase() === caller.username.toLowerCase()
                ? { kind: 'self' }
                : { kind: 'username', username: name };
        }
    }
    return { kind: 'self' };
}

export function hasAnyRole(user: Pick<StatusUser, 'roles'>, roles: ReadonlyArray<string>): boolean {
    return roles.some((role) => user.roles.includes(role));
}
