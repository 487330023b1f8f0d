import { AuditAction, AuditEntry, AuditSource, AuditUser } from '../core/audit/AuditEntry';
import { Step } from '../core/change/Change';
import { AuditRepository } from '../storage/AuditRepository';

/** Who did a change and from where; `actor` absent when the app did it by itself. */
export interface ChangeOrigin {
    source: AuditSource;
    actor?: { id: string; username?: string };
}

let sequence = 0;

/** An id that sorts as the entries were written (time, then a counter within this process). */
function newAuditId(now: number): string {
    sequence = (sequence + 1) % 1296;
    return `${now.toString(36).padStart(9, '0')}${sequence.toString(36).padStart(2, '0')}${Math.random().toString(36).slice(2, 8)}`;
}

export const asAuditUser = (user: { id: string; username?: string }): AuditUser => ({ _id: user.id, ...(user.username ? { username: user.username } : {}) });

export function auditEntry(
    origin: ChangeOrigin,
    action: AuditAction,
    details: Record<string, unknown>,
    target?: { id: string; username?: string },
    now = new Date(),
): AuditEntry {
    return {
        _id: newAuditId(now.getTime()),
        ts: now.toISOString(),
        action,
        source: origin.source,
        ...(origin.actor ? { actor: asAuditUser(origin.actor) } : {}),
        ...(target ? { target: asAuditUser(target) } : {}),
        details,
    };
}

/** The step that writes an audit entry in the change it records: the entry is there exactly when the change is. */
export function auditStep(
    origin: ChangeOrigin,
    action: AuditAction,
    details: Record<string, unknown>,
    target?: { id: string; username?: string },
    now = new Date(),
): Step {
    const entry = auditEntry(origin, action, details, target, now);
    return { t: 'insert', assoc: AuditRepository.associations(entry), value: entry };
}
