/**
 * Local diagnostic (benchmarks, `GET /api/workspace/stats`): what each app asked of its persistence
 * bridge, over every instance (one object shared by all of them). `calls` counts the bridge calls
 * (`byMethod` by the bridge's method name); `recordsRead` the records handed back to the app by a
 * read (a `readByAssociations` answering 500 records counts 500); `recordsWritten` the records
 * created, updated or removed; the bytes are those of the records' JSON. Counters only: nothing
 * the app stores is kept here.
 */
export interface PersistenceCount {
    calls: number;
    recordsRead: number;
    recordsWritten: number;
    bytesRead: number;
    bytesWritten: number;
    byMethod: Record<string, number>;
}

export interface PersistenceUse {
    read?: number;
    written?: number;
    bytesRead?: number;
    bytesWritten?: number;
}

export class PersistenceCounts {
    private readonly byApp = new Map<string, PersistenceCount>();

    public note(appId: string, method: string, use: PersistenceUse = {}): void {
        let count = this.byApp.get(appId);
        if (!count) {
            count = { calls: 0, recordsRead: 0, recordsWritten: 0, bytesRead: 0, bytesWritten: 0, byMethod: {} };
            this.byApp.set(appId, count);
        }
        count.calls++;
        count.byMethod[method] = (count.byMethod[method] ?? 0) + 1;
        count.recordsRead += use.read ?? 0;
        count.recordsWritten += use.written ?? 0;
        count.bytesRead += use.bytesRead ?? 0;
        count.bytesWritten += use.bytesWritten ?? 0;
    }

    /** A copy of every app's counters. */
    public snapshot(): Record<string, PersistenceCount> {
        const out: Record<string, PersistenceCount> = {};
        for (const [appId, count] of this.byApp) out[appId] = { ...count, byMethod: { ...count.byMethod } };
        return out;
    }
}
