import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IJobContext, IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';

import { AUDIT_DAYS } from '../core/audit/AuditEntry';
import { lastDates } from '../core/presence/History';
import { PresenceApp, describeError } from '../services/presence/PresenceApp';
import { pruneHistory } from '../services/presence/history';
import { AuditRepository } from '../storage/AuditRepository';
import { MessageSentRepository } from '../storage/MessageSentRepository';
import { ConnectionCountRepository } from '../storage/presence/ConnectionCountRepository';
import { RecordStore } from '../storage/records';
import { StatusExpiryDueIndex } from '../storage/StatusExpiryDueIndex';
import { JobId } from '../core/jobIds';

/** The days of short-lived records each run removes, before yesterday (a missed run catches up). */
const SHORT_DAYS_CHECKED = 7;

/**
 * What the app keeps for a time only: audit entries and daily peaks (90 days), the notes of messages
 * sent and the expiries' due entries (until the day after), the records of instances that are gone.
 * Audit entries, notes and due entries are removed a whole day at a time (the days before those kept, so a missed run catches up), so a run's calls never
 * grow with users.
 */
export async function runRetention(read: IRead, persis: IPersistence, now = new Date()): Promise<void> {
    const store = new RecordStore(read.getPersistenceReader(), persis);
    const audit = new AuditRepository(store);
    const oldDays = lastDates(AUDIT_DAYS + 30, now).slice(0, 30);
    for (const date of oldDays) {
        await audit.removeDay(date);
    }
    await pruneHistory(store, now);
    // a message's note is needed while its change may be run again (minutes); the days before yesterday go,
    // and so do the expiries' due entries that no sweep cleared (an app that was off meanwhile)
    const sent = new MessageSentRepository(store);
    const due = new StatusExpiryDueIndex(store);
    for (const date of lastDates(SHORT_DAYS_CHECKED + 2, now).slice(0, SHORT_DAYS_CHECKED)) {
        await sent.removeDay(date);
        await due.removeDay(date);
    }
    await new ConnectionCountRepository(store).pruneInstances(now);
}

export function retentionProcessor(app: PresenceApp): IProcessor {
    return {
        id: JobId.Retention,
        processor: async (_context: IJobContext, read: IRead, _modify: IModify, _http: IHttp, persis: IPersistence): Promise<void> => {
            await runRetention(read, persis).catch((error: unknown) => app.getLogger().error(`retention failed: ${describeError(error)}`));
        },
    };
}
