import type { PresenceStatus } from '../api/types';

export interface UserPresence {
    _id: string;
    username: string;
    name?: string;
    status: PresenceStatus;
    statusText?: string;
}

/** Rocket.Chat's status numbers on the presence streams (UserStatus order in core-typings). */
const STATUS_BY_NUMBER: PresenceStatus[] = ['offline', 'online', 'away', 'busy', 'disabled'];

export function statusFromNumber(value: unknown): PresenceStatus {
    if (typeof value === 'number' && STATUS_BY_NUMBER[value]) return STATUS_BY_NUMBER[value];
    if (typeof value === 'string' && (STATUS_BY_NUMBER as string[]).includes(value)) return value as PresenceStatus;
    return 'offline';
}

/**
 * Everyone's presence as the page knows it, fed like Rocket.Chat's client presence store:
 * `users.presence` first, then `stream-user-presence` and `stream-notify-logged` `user-status`.
 * While presence broadcast is disabled everyone reads `disabled`, as Rocket.Chat's client shows it.
 */
export class PresenceStore {
    private readonly users = new Map<string, UserPresence>();
    private readonly listeners = new Set<() => void>();
    private broadcastDisabled = false;
    private version = 0;

    public subscribe(listener: () => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    public getVersion(): number {
        return this.version;
    }

    public update(user: Partial<UserPresence> & { _id: string }): void {
        const previous = this.users.get(user._id);
        const next: UserPresence = {
            _id: user._id,
            username: user.username ?? previous?.username ?? user._id,
            name: user.name ?? previous?.name,
            status: user.status ?? previous?.status ?? 'offline',
            statusText: user.statusText !== undefined ? user.statusText : previous?.statusText,
        };
        this.users.set(user._id, next);
        this.changed();
    }

    /** A `stream-user-presence` event: eventName is the user id, args `[[username, status, statusText]]`. */
    public fromPresenceStream(uid: string, args: unknown[]): void {
        const inner = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
        const [username, status, statusText] = inner;
        this.update({
            _id: uid,
            ...(typeof username === 'string' ? { username } : {}),
            status: statusFromNumber(status),
            statusText: typeof statusText === 'string' ? statusText : '',
        });
    }

    /** A `stream-notify-logged` `user-status` event: `[uid, username, status, statusText, name, roles]`. */
    public fromUserStatusStream(args: unknown[]): string | undefined {
        const inner = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
        const [uid, username, status, statusText, name] = inner;
        if (typeof uid !== 'string') return undefined;
        this.update({
            _id: uid,
            ...(typeof username === 'string' ? { username } : {}),
            ...(typeof name === 'string' ? { name } : {}),
            status: statusFromNumber(status),
            statusText: typeof statusText === 'string' ? statusText : '',
        });
        return uid;
    }

    public setBroadcastDisabled(disabled: boolean): void {
        if (disabled === this.broadcastDisabled) return;
        this.broadcastDisabled = disabled;
        this.changed();
    }

    public isBroadcastDisabled(): boolean {
        return this.broadcastDisabled;
    }

    public get(uid: string): UserPresence | undefined {
        const user = this.users.get(uid);
        return user && this.broadcastDisabled ? { ...user, status: 'disabled' } : user;
    }

    public ids(): string[] {
        return [...this.users.keys()];
    }

    public list(): UserPresence[] {
        return this.ids()
            .map((id) => this.get(id) as UserPresence)
            .sort((a, b) => a.username.localeCompare(b.username));
    }

    private changed(): void {
        this.version += 1;
        for (const listener of this.listeners) listener();
    }
}
