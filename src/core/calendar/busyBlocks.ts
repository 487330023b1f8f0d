import { busyKindOf } from './busyRules';
import { MAX_STEPS_PER_FEED, WINDOW_MS } from './calendarLimits';
import { DAY_MS, HOUR_MS } from './civilDays';
import { IcsCalendar, IcsEvent, IcsProperty } from './icsParser';
import { IcsDateTime, instantOf, parseDateTimeList, parseDateTimeValue, parseIcsDuration } from './icsTime';
import { BusyBlock, mergeBlocks } from './mergeBlocks';
import { flatten, InstanceMatch, Series, seriesInstances, StepBudget } from './recurrence';
import { parseRrule, Rrule } from './rrule';
import { ZoneResolver, zoneResolver } from './zoneResolver';
import { localToUtc, UTC_ZONE, Zone } from './zones';

/**
 * A feed's busy blocks in a window [now, now + 14 days): every event and every instance of a
 * recurring one, with EXDATEs, RDATEs and RECURRENCE-ID overrides (an override replaces the
 * instance it names, a cancelled override removes it), through the skip rules (busyRules.ts), then
 * merged (mergeBlocks.ts). Floating times and all-day dates are read in the user's zone. An event
 * that cannot be read (no start, an unknown zone, an unreadable rule) is left out and counted by
 * reason; one whose expansion hit a cap keeps the instances found and is counted too.
 */
export type UnreadReason = 'no-start' | 'bad-time' | 'unknown-zone' | 'bad-duration' | 'bad-rule' | 'unsupported-rule' | 'too-complex';

export interface BusyBlocksInput {
    calendar: IcsCalendar;
    now: number;
    /** the user's zone: floating times, all-day dates */
    userZone: Zone;
    /** default 14 days */
    windowMs?: number;
    /** expansion steps for the whole feed (default MAX_STEPS_PER_FEED) */
    maxSteps?: number;
}

export interface BusyBlocksResult {
    /** sorted, disjoint, each overlapping the window */
    blocks: BusyBlock[];
    /** events left out (or cut short) because they could not be read, by reason */
    unread: Partial<Record<UnreadReason, number>>;
}

/** An event's length: nominal days (same wall time N days later) plus exact milliseconds. */
interface Length {
    days: number;
    ms: number;
}

class Reader {
    readonly unread: Partial<Record<UnreadReason, number>> = {};

    constructor(
        readonly resolve: ZoneResolver,
        readonly userZone: Zone,
    ) {}

    count(reason: UnreadReason): void {
        this.unread[reason] = (this.unread[reason] ?? 0) + 1;
    }

    /** The zone a value is read in: its TZID's, the user's for floating times and dates, else the fallback. */
    zoneOf(value: IcsDateTime, fallback?: Zone): Zone | undefined {
        switch (value.kind) {
            case 'utc':
                return UTC_ZONE;
            case 'zoned':
                return this.resolve(value.tzid) ?? fallback;
            default:
                return fallback ?? this.userZone;
        }
    }

    /** An EXDATE or RECURRENCE-ID as the instance it removes, read in the series' zone when it has none. */
    matchOf(value: IcsDateTime, seriesZone: Zone): InstanceMatch | undefined {
        if (value.kind === 'date') {
            return { day: value.day };
        }
        const zone = this.zoneOf(value, seriesZone);
        return zone ? { utc: instantOf(value, zone) } : undefined;
    }
}

interface Start {
    value: IcsDateTime;
    zone: Zone;
    /** local number in `zone` */
    local: number;
    allDay: boolean;
}

function readStart(event: IcsEvent, reader: Reader): Start | undefined {
    if (!event.dtstart) {
        reader.count('no-start');
        return undefined;
    }
    const value = parseDateTimeValue(event.dtstart.value, event.dtstart.params);
    if (!value) {
        reader.count('bad-time');
        return undefined;
    }
    const zone = value.kind === 'zoned' ? reader.resolve(value.tzid) : value.kind === 'utc' ? UTC_ZONE : reader.userZone;
    if (!zone) {
        reader.count('unknown-zone');
        return undefined;
    }
    const local = value.kind === 'date' ? value.day * DAY_MS : value.kind === 'utc' ? value.utc : value.local;
    return { value, zone, local, allDay: value.kind === 'date' };
}

/** DTEND, else DURATION, else RFC 5545's default: one day for a date, nothing for a time. Undefined: unreadable. */
function readLength(event: IcsEvent, start: Start, reader: Reader): Length | undefined {
    if (event.dtend) {
        const end = parseDateTimeValue(event.dtend.value, event.dtend.params);
        if (!end) {
            reader.count('bad-time');
            return undefined;
        }
        if (start.value.kind === 'date' && end.kind === 'date') {
            // an all-day event ending on (or before) its start day is read as that one day
            return { days: Math.max(1, end.day - start.value.day), ms: 0 };
        }
        const endZone = reader.zoneOf(end, start.zone) ?? start.zone;
        return { days: 0, ms: Math.max(0, instantOf(end, endZone) - localToUtc(start.local, start.zone)) };
    }
    if (event.duration !== undefined) {
        const duration = parseIcsDuration(event.duration);
        if (!duration || duration.days < 0 || duration.ms < 0) {
            reader.count('bad-duration');
            return undefined;
        }
        return duration;
    }
    return start.allDay ? { days: 1, ms: 0 } : { days: 0, ms: 0 };
}

function readRule(event: IcsEvent, reader: Reader): Rrule | undefined | false {
    if (event.rrule === undefined || event.recurrenceId) {
        return undefined;
    }
    const parsed = parseRrule(event.rrule);
    if (!parsed.ok) {
        reader.count(parsed.reason === 'unsupported' ? 'unsupported-rule' : 'bad-rule');
        return false;
    }
    return parsed.rule;
}

function instants(properties: IcsProperty[], zoneOf: (value: IcsDateTime) => Zone | undefined): number[] {
    const out: number[] = [];
    for (const property of properties) {
        for (const value of parseDateTimeList(property.value, property.params)) {
            const zone = zoneOf(value);
            if (zone) {
                out.push(instantOf(value, zone));
            }
        }
    }
    return out;
}

export function busyBlocks(input: BusyBlocksInput): BusyBlocksResult {
    const { calendar, now, userZone } = input;
    const windowEnd = now + (input.windowMs ?? WINDOW_MS);
    const reader = new Reader(zoneResolver(calendar.timezones), userZone);
    const budget: StepBudget = { remaining: input.maxSteps ?? MAX_STEPS_PER_FEED };
    const blocks: BusyBlock[] = [];

    // overrides by UID: each replaces (or, cancelled, removes) one instance of its series
    const overridesByUid = new Map<string, IcsEvent[]>();
    for (const event of calendar.events) {
        if (event.recurrenceId && event.uid !== undefined) {
            const list = overridesByUid.get(event.uid) ?? [];
            list.push(event);
            overridesByUid.set(event.uid, list);
        }
    }

    for (const event of calendar.events) {
        const start = readStart(event, reader);
        if (!start) {
            continue;
        }
        const kind = busyKindOf(event, start.allDay);
        if (kind === undefined) {
            continue;
        }
        const rule = readRule(event, reader);
        if (rule === false) {
            continue;
        }
        const length = readLength(event, start, reader);
        if (!length || (length.days === 0 && length.ms === 0)) {
            continue;
        }
        const removed: InstanceMatch[] = [];
        if (!event.recurrenceId) {
            for (const value of flatten(event.exdates.map((p) => parseDateTimeList(p.value, p.params)))) {
                const match = reader.matchOf(value, start.zone);
                if (match) {
                    removed.push(match);
                }
            }
            for (const override of (event.uid !== undefined && overridesByUid.get(event.uid)) || []) {
                const id = override.recurrenceId && parseDateTimeValue(override.recurrenceId.value, override.recurrenceId.params);
                const match = id ? reader.matchOf(id, start.zone) : undefined;
                if (match) {
                    removed.push(match);
                }
            }
        }
        const series: Series = {
            start: start.local,
            zone: start.zone,
            rule,
            rdates:
                rule || event.rdates.length ? instants(event.rdates, (value) => (value.kind === 'date' ? start.zone : reader.zoneOf(value, start.zone))) : [],
            removed,
        };
        // an instance that began before now may still be under way: look back by its length (and a DST hour)
        const lookBack = length.days * DAY_MS + length.ms + 2 * HOUR_MS;
        const found = seriesInstances(series, now - lookBack, windowEnd, budget);
        if (!found.complete) {
            reader.count('too-complex');
        }
        for (const instance of found.instances) {
            const end = (length.days === 0 ? instance.utc : localToUtc(instance.local + length.days * DAY_MS, start.zone)) + length.ms;
            if (end > now && end > instance.utc && instance.utc < windowEnd) {
                blocks.push({ start: instance.utc, end, kind });
            }
        }
    }
    return { blocks: mergeBlocks(blocks), unread: reader.unread };
}
