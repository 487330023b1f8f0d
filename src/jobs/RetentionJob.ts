import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IJobContext, IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';

import { AUDIT_DAYS } from '../core/audit/AuditEntry';
import { lastDates } from '../core/presence/History';
import { PresenceApp, describeError } from '../services/presence/PresenceApp';
import { pruneHistory } from '../services/presence/history';
import { AuditRepository } from '../storage/AuditRepository';
import { ClaimRepository } from '../storage/ClaimRepository';
import { ConnectionCountRepository } from '../storage/presence/ConnectionCountRepository';
import { RecordStore } from '../storage/records';

export const RETENTION_JOB = 'retention';
export const RETENTION_INTERVAL = '6 hours';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What the app keeps for a time only: audit entries and daily peaks (90 days), claims (a day),
 * the records of instances that are gone. Audit days are removed day by day (the 30 days before the
 * 90 kept, so a missed run catches up), so a run's work never grows with users.
 */
export async function runRetention(read: IRead, persis: IPersistence, now = new Date()): Promise<void> {
    const store = new RecordStore(read.getPersistenceReader(), persis);
    const audit = new AuditRepository(store);
    const oldDays = lastDates(AUDIT_DAYS + 30, now).slice(0, 30);
    for (const date of oldDays) {
        await audit.removeDay(date);
    }
    await pruneHistory(store, now);
    await new ClaimRepository(store).prune(new Date(now.getTime() - DAY_MS));
    await new ConnectionCountRepository(store).pruneInstances(now);
}

export function retentionProcessor(app: PresenceApp): IProcessor {
    return {
        id: RETENTION_JOB,
        processor: async (_context: IJobContext, read: IRead, _modify: IModify, _http: IHttp, persis: IPersistence): Promise<void> => {
            await runRetention(read, persis).catch((error: unknown) => app.getLogger().error(`retention failed: ${describeError(error)}`));
        },
    };
}
