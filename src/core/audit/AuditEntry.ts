/**
 * The audit trail (SPEC §5): who changed what, when, and from where, for the changes admins
 * answer for: another user's status, custom statuses, the presence service. Pure.
 */
export type AuditAction =
    'user-status.set' | 'custom-user-status.create' | 'custom-user-status.update' | 'custom-user-status.delete' | 'presence.off' | 'presence.on';

/** Where a change came from. */
export type AuditSource = 'rest' | 'command' | 'console' | 'settings' | 'cap' | 'server';

export interface AuditUser {
    _id: string;
    username?: string;
}

export interface AuditEntry {
    _id: string;
    /** ISO date */
    ts: string;
    action: AuditAction;
    source: AuditSource;
    /** who did it; absent when the app did it by itself (the cap, Rocket.Chat's own turn-off) or the settings page (apps are not told who saved) */
    actor?: AuditUser;
    /** whose status changed */
    target?: AuditUser;
    details: Record<string, unknown>;
}

/** Audit entries are kept this long, then pruned by a job. */
export const AUDIT_DAYS = 90;

/** Newest first. */
export function newestFirst(entries: ReadonlyArray<AuditEntry>): AuditEntry[] {
    return [...entries].sort((a, b) => (a.ts < b.ts ? 1 : a.ts > b.ts ? -1 : a._id < b._id ? 1 : -1));
}
