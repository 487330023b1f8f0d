import { civilFromDays, DAY_MS, dayOf, daysFromCivil } from './civilDays';
import { IcsTimezone } from './icsParser';
import { parseDateTimeValue, parseUtcOffset } from './icsTime';
import { expandRule, flatten } from './recurrence';
import { parseRrule, Rrule } from './rrule';
import { fixedZone, plausibleOffset, Zone } from './zones';

/**
 * A zone from a feed's VTIMEZONE block, for a TZID the runtime does not know (Outlook's "Customized
 * Time Zone", an old Windows name): each STANDARD / DAYLIGHT observance starts at its DTSTART (a
 * local time in TZOFFSETFROM), again at each RRULE / RDATE onset, and sets TZOFFSETTO. The offset at
 * an instant is that of the latest onset before it; before the first onset, the first TZOFFSETFROM.
 */
interface Observance {
    /** local onset */
    start: number;
    from: number;
    to: number;
    rule?: Rrule;
    /** local onsets from RDATE */
    rdates: number[];
}

interface Transition {
    utc: number;
    offset: number;
}

/** Years looked back for the last onset (a rule that ended long ago). */
const LOOKBACK_YEARS = 200;
const YEAR_CACHE_LIMIT = 512;

function localOf(text: string | undefined): number | undefined {
    const value = text === undefined ? undefined : parseDateTimeValue(text);
    if (!value) {
        return undefined;
    }
    return value.kind === 'date' ? value.day * DAY_MS : value.kind === 'utc' ? value.utc : value.local;
}

function readObservances(timezone: IcsTimezone): Observance[] {
    const out: Observance[] = [];
    for (const o of timezone.observances) {
        const start = localOf(o.dtstart);
        const from = o.offsetFrom === undefined ? undefined : parseUtcOffset(o.offsetFrom);
        const to = o.offsetTo === undefined ? undefined : parseUtcOffset(o.offsetTo);
        if (start === undefined || from === undefined || to === undefined || !plausibleOffset(from) || !plausibleOffset(to)) {
            continue;
        }
        const parsedRule = o.rrule === undefined ? undefined : parseRrule(o.rrule);
        const rdates = flatten(o.rdates.map((list) => list.split(',')))
            .map(localOf)
            .filter((local): local is number => local !== undefined);
        out.push({ start, from, to, rule: parsedRule?.ok ? parsedRule.rule : undefined, rdates });
    }
    return out;
}

export function vtimezoneZone(timezone: IcsTimezone): Zone | undefined {
    const observances = readObservances(timezone);
    if (observances.length === 0) {
        return undefined;
    }
    const earliest = observances.reduce((a, b) => (b.start < a.start ? b : a));
    const firstYear = civilFromDays(dayOf(earliest.start)).year;
    const years = new Map<number, Transition[]>();

    const transitionsOf = (year: number): Transition[] => {
        const cached = years.get(year);
        if (cached) {
            return cached;
        }
        const from = daysFromCivil(year, 1, 1) * DAY_MS;
        const to = daysFromCivil(year + 1, 1, 1) * DAY_MS;
        const transitions: Transition[] = [];
        for (const o of observances) {
            const locals = o.rule ? expandRule(o.rule, o.start, fixedZone(o.from), from, to, 2000).locals : o.start >= from && o.start < to ? [o.start] : [];
            for (const local of locals.concat(o.rdates.filter((r) => r >= from && r < to))) {
                transitions.push({ utc: local - o.from, offset: o.to });
            }
        }
        transitions.sort((a, b) => a.utc - b.utc);
        if (years.size >= YEAR_CACHE_LIMIT) {
            years.clear();
        }
        years.set(year, transitions);
        return transitions;
    };

    return {
        id: timezone.tzid,
        offsetAt(utc: number): number {
            // the onset's year in local terms may differ from the UTC year by a day: look at both
            const year = civilFromDays(dayOf(utc + DAY_MS)).year;
            for (let y = year; y >= Math.max(firstYear, year - LOOKBACK_YEARS); y--) {
                const transitions = transitionsOf(y);
                for (let i = transitions.length - 1; i >= 0; i--) {
                    if (transitions[i].utc <= utc) {
                        return transitions[i].offset;
                    }
                }
            }
            return earliest.from;
        },
    };
}
