import { MAX_STEPS_PER_EVENT } from './calendarLimits';
import { civilFromDays, DAY_MS, dayOf, daysFromCivil, daysInMonth, weekdayOfDays } from './civilDays';
import { Rrule, WeekdayNum } from './rrule';
import { localToUtc, utcToLocal, Zone } from './zones';

/**
 * A recurring series' instances within a window. The rule is expanded in the series' own zone on
 * wall-clock dates (a 09:00 Europe/Berlin weekly meeting stays 09:00 in Berlin across daylight
 * saving; a time that falls in a gap moves forward, zones.ts), then each instance becomes an
 * instant. As RFC 5545 says, DTSTART is always the first instance and counts for COUNT; dates a
 * rule makes that do not exist (Feb 30, the 31st of a short month) are skipped; UNTIL is inclusive.
 * RDATE adds instances, EXDATE and the RECURRENCE-IDs of overrides remove them. Bounded: without
 * COUNT the expansion jumps straight to the window; every period and candidate day is a step, and
 * a series stops at its step cap or when the feed's shared budget is spent (`complete: false`).
 */
export interface StepBudget {
    remaining: number;
}

/** An instance to remove: an exact start, or (a DATE value) every instance starting that local day. */
export type InstanceMatch = { utc: number } | { day: number };

export interface Series {
    /** DTSTART as a local number in `zone` */
    start: number;
    zone: Zone;
    rule?: Rrule;
    /** RDATE instants */
    rdates: number[];
    /** EXDATE values and the RECURRENCE-IDs of this series' overrides */
    removed: InstanceMatch[];
}

export interface Instance {
    utc: number;
    /** the start as a local number in the series' zone */
    local: number;
}

export interface SeriesInstances {
    instances: Instance[];
    /** false when a cap cut the expansion short */
    complete: boolean;
}

export interface RuleExpansion {
    /** local numbers of instance starts within [fromLocal, toLocal), in order */
    locals: number[];
    complete: boolean;
    steps: number;
}

/** One list of many, without spreading them as arguments (a hostile feed can make them long). */
export function flatten<T>(lists: ReadonlyArray<ReadonlyArray<T>>): T[] {
    const out: T[] = [];
    for (const list of lists) {
        for (const item of list) {
            out.push(item);
        }
    }
    return out;
}

function sortedUnique(days: number[]): number[] {
    days.sort((a, b) => a - b);
    return days.filter((d, i) => i === 0 || d !== days[i - 1]);
}

/** The days in [first, last] that are that weekday: all of them, or the nth / nth-from-last. */
function weekdaysIn(first: number, last: number, { weekday, ordinal }: WeekdayNum): number[] {
    const firstMatch = first + ((weekday - weekdayOfDays(first) + 7) % 7);
    if (ordinal === undefined) {
        const out: number[] = [];
        for (let d = firstMatch; d <= last; d += 7) {
            out.push(d);
        }
        return out;
    }
    if (ordinal > 0) {
        const d = firstMatch + 7 * (ordinal - 1);
        return d <= last ? [d] : [];
    }
    const lastMatch = last - ((weekdayOfDays(last) - weekday + 7) % 7);
    const d = lastMatch + 7 * (ordinal + 1);
    return d >= first ? [d] : [];
}

function monthCandidates(year: number, month: number, rule: Rrule, startDayOfMonth: number): number[] {
    const dim = daysInMonth(year, month);
    const first = daysFromCivil(year, month, 1);
    const last = first + dim - 1;
    const fromMonthDays = rule.byMonthDay
        ?.map((v) => (v > 0 ? v : dim + 1 + v))
        .filter((v) => v >= 1 && v <= dim)
        .map((v) => first + v - 1);
    const fromWeekdays = rule.byDay ? flatten(rule.byDay.map((wd) => weekdaysIn(first, last, wd))) : undefined;
    if (fromMonthDays && fromWeekdays) {
        return fromMonthDays.filter((d) => fromWeekdays.indexOf(d) >= 0);
    }
    return fromMonthDays ?? fromWeekdays ?? (startDayOfMonth <= dim ? [first + startDayOfMonth - 1] : []);
}

function passesFilters(day: number, rule: Rrule): boolean {
    const { year, month, day: dayOfMonth } = civilFromDays(day);
    if (rule.byMonth && rule.byMonth.indexOf(month) < 0) {
        return false;
    }
    if (rule.byMonthDay) {
        const dim = daysInMonth(year, month);
        if (!rule.byMonthDay.some((v) => (v > 0 ? v : dim + 1 + v) === dayOfMonth)) {
            return false;
        }
    }
    // ordinals mean nothing in daily and weekly rules: the weekday alone filters
    return !rule.byDay || rule.byDay.some((wd) => wd.weekday === weekdayOfDays(day));
}

function applySetPos(days: number[], setPos: number[] | undefined): number[] {
    if (!setPos || days.length === 0) {
        return days;
    }
    const picked = setPos.map((pos) => (pos > 0 ? days[pos - 1] : days[days.length + pos])).filter((d): d is number => d !== undefined);
    return sortedUnique(picked);
}

interface Periods {
    /** the first day of period p */
    startOf(p: number): number;
    /** candidate days of period p, sorted */
    candidates(p: number): number[];
    /** the last period that starts on or before a day (for jumping ahead) */
    periodAt(day: number): number;
}

function periodsOf(rule: Rrule, startDay: number): Periods {
    const start = civilFromDays(startDay);
    const interval = rule.interval;
    switch (rule.freq) {
        case 'DAILY':
            return {
                startOf: (p) => startDay + p * interval,
                candidates: (p) => {
                    const day = startDay + p * interval;
                    return passesFilters(day, rule) ? [day] : [];
                },
                periodAt: (day) => Math.floor((day - startDay) / interval),
            };
        case 'WEEKLY': {
            const weekStart = startDay - ((weekdayOfDays(startDay) - rule.wkst + 7) % 7);
            const weekdays = rule.byDay ? rule.byDay.map((wd) => wd.weekday) : [weekdayOfDays(startDay)];
            const offsets = sortedUnique(weekdays.map((w) => (w - rule.wkst + 7) % 7));
            const filters: Rrule = { ...rule, byDay: undefined };
            return {
                startOf: (p) => weekStart + p * 7 * interval,
                candidates: (p) => offsets.map((o) => weekStart + p * 7 * interval + o).filter((day) => passesFilters(day, filters)),
                periodAt: (day) => Math.floor((day - weekStart) / (7 * interval)),
            };
        }
        case 'MONTHLY': {
            const startIndex = start.year * 12 + start.month - 1;
            const monthOf = (p: number) => {
                const index = startIndex + p * interval;
                return { year: Math.floor(index / 12), month: (index % 12) + 1 };
            };
            return {
                startOf: (p) => {
                    const { year, month } = monthOf(p);
                    return daysFromCivil(year, month, 1);
                },
                candidates: (p) => {
                    const { year, month } = monthOf(p);
                    if (rule.byMonth && rule.byMonth.indexOf(month) < 0) {
                        return [];
                    }
                    return sortedUnique(monthCandidates(year, month, rule, start.day));
                },
                periodAt: (day) => {
                    const { year, month } = civilFromDays(day);
                    return Math.floor((year * 12 + month - 1 - startIndex) / interval);
                },
            };
        }
        case 'YEARLY':
            return {
                startOf: (p) => daysFromCivil(start.year + p * interval, 1, 1),
                candidates: (p) => {
                    const year = start.year + p * interval;
                    if (rule.byMonth) {
                        return sortedUnique(flatten(rule.byMonth.map((m) => monthCandidates(year, m, rule, start.day))));
                    }
                    if (rule.byMonthDay) {
                        const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
                        const weekdayOnly: Rrule = { ...rule, byDay: rule.byDay?.map((wd) => ({ weekday: wd.weekday })) };
                        return sortedUnique(flatten(months.map((m) => monthCandidates(year, m, weekdayOnly, start.day))));
                    }
                    if (rule.byDay) {
                        const first = daysFromCivil(year, 1, 1);
                        const last = daysFromCivil(year, 12, 31);
                        return sortedUnique(flatten(rule.byDay.map((wd) => weekdaysIn(first, last, wd))));
                    }
                    return start.day <= daysInMonth(year, start.month) ? [daysFromCivil(year, start.month, start.day)] : [];
                },
                periodAt: (day) => Math.floor((civilFromDays(day).year - start.year) / interval),
            };
    }
}

/** The last local number UNTIL allows, in the series' zone. */
function untilLocal(rule: Rrule, zone: Zone): number {
    const until = rule.until;
    if (!until) {
        return Infinity;
    }
    switch (until.kind) {
        case 'utc':
            return utcToLocal(until.utc, zone);
        case 'date':
            return until.day * DAY_MS + DAY_MS - 1;
        default:
            return until.local;
    }
}

/** The last day a period may start on: after it the years leave what the calendar can write. */
const LAST_DAY = daysFromCivil(9999, 12, 31);

/** The rule's instance starts (local numbers) within [fromLocal, toLocal), DTSTART first. */
export function expandRule(rule: Rrule, start: number, zone: Zone, fromLocal: number, toLocal: number, maxSteps: number): RuleExpansion {
    const locals: number[] = [];
    const startDay = dayOf(start);
    const timeOfDay = start - startDay * DAY_MS;
    const last = untilLocal(rule, zone);
    const count = rule.count ?? Infinity;
    let produced = 1;
    let steps = 0;
    if (start >= fromLocal && start < toLocal) {
        locals.push(start);
    }
    const periods = periodsOf(rule, startDay);
    // without COUNT nothing before the window matters: start one period early, for safety
    let p = rule.count === undefined ? Math.max(0, periods.periodAt(dayOf(fromLocal)) - 1) : 0;
    for (; produced < count; p++) {
        const periodStart = periods.startOf(p);
        if (periodStart * DAY_MS >= toLocal || periodStart * DAY_MS > last || periodStart > LAST_DAY) {
            return { locals, complete: true, steps };
        }
        const days = applySetPos(periods.candidates(p), rule.bySetPos);
        steps += 1 + days.length;
        if (steps > maxSteps) {
            return { locals, complete: false, steps };
        }
        for (const day of days) {
            const local = day * DAY_MS + timeOfDay;
            if (local <= start) {
                continue;
            }
            if (local > last || local >= toLocal) {
                return { locals, complete: true, steps };
            }
            produced++;
            if (produced > count) {
                break;
            }
            if (local >= fromLocal) {
                locals.push(local);
            }
        }
    }
    return { locals, complete: true, steps };
}

/**
 * The instances of a series that start within [from, to) (instants), sorted, without the removed
 * ones. A series without a rule is its DTSTART (and its RDATEs).
 */
export function seriesInstances(series: Series, from: number, to: number, budget: StepBudget): SeriesInstances {
    // local bounds wide enough for any zone offset; instants are checked exactly below
    const fromLocal = from - DAY_MS;
    const toLocal = to + DAY_MS;
    let locals: number[] = series.start >= fromLocal && series.start < toLocal ? [series.start] : [];
    let complete = true;
    if (series.rule) {
        if (budget.remaining <= 0) {
            return { instances: [], complete: false };
        }
        const expansion = expandRule(series.rule, series.start, series.zone, fromLocal, toLocal, Math.min(MAX_STEPS_PER_EVENT, budget.remaining));
        budget.remaining -= expansion.steps;
        locals = expansion.locals;
        complete = expansion.complete;
    }
    const instances: Instance[] = locals.map((local) => ({ utc: localToUtc(local, series.zone), local }));
    for (const utc of series.rdates) {
        instances.push({ utc, local: utcToLocal(utc, series.zone) });
    }
    const removedAt = new Set<number>();
    const removedDays = new Set<number>();
    for (const match of series.removed) {
        if ('utc' in match) {
            removedAt.add(match.utc);
        } else {
            removedDays.add(match.day);
        }
    }
    const seen = new Set<number>();
    const kept = instances.filter((instance) => {
        if (instance.utc < from || instance.utc >= to || seen.has(instance.utc)) {
            return false;
        }
        seen.add(instance.utc);
        return !removedAt.has(instance.utc) && !removedDays.has(dayOf(instance.local));
    });
    kept.sort((a, b) => a.utc - b.utc);
    return { instances: kept, complete };
}
