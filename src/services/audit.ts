import { IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ILogger } from '@rocket.chat/apps-engine/definition/accessors';

import { AuditAction, AuditEntry, AuditSource, AuditUser } from '../core/audit/AuditEntry';
import { AuditRepository } from '../storage/AuditRepository';
import { RecordStore } from '../storage/records';

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

/**
 * Writes an audit entry. Best effort: the change it records is done already, so a failure is
 * logged and never undoes it or fails the request.
 */
export async function recordAudit(
    access: { read: IRead; persis: IPersistence; logger?: ILogger },
    origin: ChangeOrigin,
    action: AuditAction,
    details: Record<string, unknown>,
    target?: { id: string; username?: string },
): Promise<void> {
    const now = Date.now();
    const entry: AuditEntry = {
        _id: newAuditId(now),
        ts: new Date(now).toISOString(),
        action,
        source: origin.source,
        ...(origin.actor ? { actor: asAuditUser(origin.actor) } : {}),
        ...(target ? { target: asAuditUser(target) } : {}),
        details,
    };
    try {
        await new AuditRepository(new RecordStore(access.read.getPersistenceReader(), access.persis)).add(entry);
    } catch (error) {
        access.logger?.error(`audit: could not record ${action}: ${error instanceof Error ? error.message : String(error)}`);
    }
}
