import { DayPeak, HISTORY_DAYS, lastDates, utcDate } from '../../core/presence/History';
import { HistoryRepository } from '../../storage/presence/HistoryRepository';
import { RecordStore } from '../../storage/records';

/**
 * Keeps today's peak: one record a day, written only when the count beats it. Instances write the
 * same record without an atomic update, so after writing it is read back, and written again if a
 * lower count overwrote it meanwhile (a peak only grows within a day).
 */
export async function recordPeak(store: RecordStore, count: number, cap: number, now = new Date()): Promise<void> {
    const repository = new HistoryRepository(store);
    const date = utcDate(now);
    for (let attempt = 0; attempt < 3; attempt++) {
        const stored = await repository.get(date);
        if (stored && stored.peak >= count) {
            return;
        }
        await repository.save({ date, peak: count, cap });
    }
}

/** The kept days, oldest first: at most the last 90. */
export async function readHistory(store: RecordStore, now = new Date()): Promise<DayPeak[]> {
    const kept = new Set(lastDates(HISTORY_DAYS, now));
    return (await new HistoryRepository(store).all()).filter((day) => kept.has(day.date));
}

/** Removes the days older than 90. Reads at most the days kept plus the ones to drop. */
export async function pruneHistory(store: RecordStore, now = new Date()): Promise<number> {
    const kept = new Set(lastDates(HISTORY_DAYS, now));
    const repository = new HistoryRepository(store);
    const old = (await repository.all()).filter((day) => !kept.has(day.date));
    for (const day of old) {
        await repository.remove(day.date);
    }
    return old.length;
}
