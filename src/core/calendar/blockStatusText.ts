import { DAY_MS, dayOf, formatDays, HOUR_MS, MINUTE_MS } from './civilDays';
import { BusyBlock } from './mergeBlocks';
import { utcToLocal, Zone } from './zones';

/**
 * The status message of a block, as a catalog key and its placeholders (src/i18n/calendarMessages.ts),
 * in the user's zone: "In a meeting until 15:30", with the date when the block ends on a later day;
 * out of office "until 15:30" or "until 2026-06-12 15:30". A block that ends at midnight on a later
 * day (all-day events) names the last day it covers: "Busy until 2026-06-12", "Out of office until
 * 2026-06-12". Never the event's title.
 */
export type BlockStatusKey =
    | 'calendar_in_meeting_until'
    | 'calendar_in_meeting_until_date'
    | 'calendar_busy_until_date'
    | 'calendar_ooo_until'
    | 'calendar_ooo_until_date_time'
    | 'calendar_ooo_until_date';

export const BLOCK_STATUS_KEYS: ReadonlyArray<BlockStatusKey> = [
    'calendar_in_meeting_until',
    'calendar_in_meeting_until_date',
    'calendar_busy_until_date',
    'calendar_ooo_until',
    'calendar_ooo_until_date_time',
    'calendar_ooo_until_date',
];

export interface BlockStatusText {
    key: BlockStatusKey;
    params: { time: string; date: string };
}

function clock(local: number): string {
    const ms = local - dayOf(local) * DAY_MS;
    return `${String(Math.floor(ms / HOUR_MS)).padStart(2, '0')}:${String(Math.floor((ms % HOUR_MS) / MINUTE_MS)).padStart(2, '0')}`;
}

/** `at`: when the status is set (the block's start, or now when the block is already under way). */
export function blockStatusText(block: BusyBlock, zone: Zone, at: number): BlockStatusText {
    const end = utcToLocal(block.end, zone);
    const today = dayOf(utcToLocal(Math.max(at, block.start), zone));
    const sameDay = dayOf(end) === today;
    const params = { time: clock(end), date: formatDays(dayOf(end)) };
    const endsAtMidnight = end === dayOf(end) * DAY_MS;
    if (!sameDay && endsAtMidnight) {
        const lastDay = { time: params.time, date: formatDays(dayOf(end) - 1) };
        return { key: block.kind === 'busy' ? 'calendar_busy_until_date' : 'calendar_ooo_until_date', params: lastDay };
    }
    if (block.kind === 'busy') {
        return { key: sameDay ? 'calendar_in_meeting_until' : 'calendar_in_meeting_until_date', params };
    }
    return { key: sameDay ? 'calendar_ooo_until' : 'calendar_ooo_until_date_time', params };
}
