import { DayPeak } from '../../core/presence/History';
import { hasFields, miscKey, RecordStore } from '../records';

/** One record a day: the peak of connections that day and the cap then (not one record per event). */
const ALL = miscKey('presence-history');
const day = (date: string) => [ALL, miscKey(`presence-history:${date}`)];
const isDay = hasFields<DayPeak>({ date: 'string', peak: 'number', cap: 'number' });

export class HistoryRepository {
    constructor(private readonly store: RecordStore) {}

    public async get(date: string): Promise<DayPeak | undefined> {
        return this.store.one(day(date), isDay);
    }

    public async save(peak: DayPeak): Promise<void> {
        await this.store.upsert(day(peak.date), peak);
    }

    /** Every day kept (at most 90 records), oldest first. */
    public async all(): Promise<DayPeak[]> {
        return (await this.store.all([ALL], isDay)).sort((a, b) => (a.date < b.date ? -1 : 1));
    }

    public async remove(date: string): Promise<void> {
        await this.store.remove(day(date));
    }
}
