import { calendarError, CalendarErrorCode, CalendarResult } from './calendarErrors';
import { FEED_MAX_BYTES, MAX_COMPONENT_DEPTH } from './calendarLimits';
import { contentLineName, forEachUnfoldedLine, parseContentLine, unescapeText } from './contentLines';

/**
 * An iCalendar feed read into what the busy logic needs, and nothing more: of each VEVENT only its
 * times, recurrence, status and free/busy markers. SUMMARY, LOCATION, DESCRIPTION, ATTENDEE and
 * everything else are never kept (the app must not store titles, places or people). VTIMEZONE
 * blocks are kept for TZIDs the runtime does not know (Outlook's custom zones). VALARM, VTODO,
 * VJOURNAL, VFREEBUSY and unknown components are skipped with everything inside them. Values stay
 * raw text here; icsTime.ts and rrule.ts read them.
 */
export interface IcsProperty {
    /** upper-case parameter names (TZID, VALUE, RANGE...) */
    params: Record<string, string>;
    value: string;
}

export interface IcsEvent {
    uid?: string;
    dtstart?: IcsProperty;
    dtend?: IcsProperty;
    /** raw DURATION value */
    duration?: string;
    /** raw RRULE value (the first; RFC 5545 allows one) */
    rrule?: string;
    rdates: IcsProperty[];
    exdates: IcsProperty[];
    recurrenceId?: IcsProperty;
    /** upper case: CONFIRMED, TENTATIVE, CANCELLED */
    status?: string;
    /** upper case: OPAQUE, TRANSPARENT */
    transp?: string;
    /** X-MICROSOFT-CDO-BUSYSTATUS, upper case: FREE, TENTATIVE, BUSY, OOF, WORKINGELSEWHERE */
    busyStatus?: string;
}

export interface IcsObservance {
    kind: 'STANDARD' | 'DAYLIGHT';
    /** local onset, written in the offset it starts from */
    dtstart?: string;
    offsetFrom?: string;
    offsetTo?: string;
    rrule?: string;
    rdates: string[];
}

export interface IcsTimezone {
    tzid: string;
    observances: IcsObservance[];
}

export interface IcsCalendar {
    events: IcsEvent[];
    /** VTIMEZONE blocks by TZID */
    timezones: Map<string, IcsTimezone>;
    /** X-WR-TIMEZONE (Google, Apple): the calendar's own zone */
    calendarTimeZone?: string;
    /** lines that were no content lines (skipped) */
    ignoredLines: number;
}

export interface ParseOptions {
    /** more characters than this is an error (default: the 2 MB feed limit) */
    maxChars?: number;
}

type Frame =
    | { kind: 'calendar' }
    | { kind: 'event'; event: IcsEvent }
    | { kind: 'timezone'; timezone: IcsTimezone }
    | { kind: 'observance'; observance: IcsObservance }
    | { kind: 'skipped' };

interface Level {
    name: string;
    frame: Frame;
}

const EVENT_PROPERTIES = new Set([
    'UID',
    'DTSTART',
    'DTEND',
    'DURATION',
    'RRULE',
    'RDATE',
    'EXDATE',
    'RECURRENCE-ID',
    'STATUS',
    'TRANSP',
    'X-MICROSOFT-CDO-BUSYSTATUS',
]);
const OBSERVANCE_PROPERTIES = new Set(['DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO', 'RRULE', 'RDATE']);

const token = (value: string): string => value.trim().toUpperCase();

function frameFor(name: string, parent: Frame | undefined): Frame {
    if (name === 'VCALENDAR' && parent === undefined) {
        return { kind: 'calendar' };
    }
    if (name === 'VEVENT' && parent?.kind === 'calendar') {
        return { kind: 'event', event: { rdates: [], exdates: [] } };
    }
    if (name === 'VTIMEZONE' && parent?.kind === 'calendar') {
        return { kind: 'timezone', timezone: { tzid: '', observances: [] } };
    }
    if ((name === 'STANDARD' || name === 'DAYLIGHT') && parent?.kind === 'timezone') {
        return { kind: 'observance', observance: { kind: name, rdates: [] } };
    }
    return { kind: 'skipped' };
}

function readEventProperty(event: IcsEvent, line: string, name: string): void {
    const parsed = parseContentLine(line);
    if (!parsed) {
        return;
    }
    const property: IcsProperty = { params: parsed.params, value: parsed.value.trim() };
    switch (name) {
        case 'UID':
            event.uid ??= unescapeText(parsed.value);
            break;
        case 'DTSTART':
            event.dtstart ??= property;
            break;
        case 'DTEND':
            event.dtend ??= property;
            break;
        case 'DURATION':
            event.duration ??= property.value;
            break;
        case 'RRULE':
            event.rrule ??= property.value;
            break;
        case 'RDATE':
            event.rdates.push(property);
            break;
        case 'EXDATE':
            event.exdates.push(property);
            break;
        case 'RECURRENCE-ID':
            event.recurrenceId ??= property;
            break;
        case 'STATUS':
            event.status ??= token(parsed.value);
            break;
        case 'TRANSP':
            event.transp ??= token(parsed.value);
            break;
        case 'X-MICROSOFT-CDO-BUSYSTATUS':
            event.busyStatus ??= token(parsed.value);
            break;
    }
}

function readObservanceProperty(observance: IcsObservance, line: string, name: string): void {
    const parsed = parseContentLine(line);
    if (!parsed) {
        return;
    }
    const value = parsed.value.trim();
    if (name === 'DTSTART') {
        observance.dtstart ??= value;
    } else if (name === 'TZOFFSETFROM') {
        observance.offsetFrom ??= value;
    } else if (name === 'TZOFFSETTO') {
        observance.offsetTo ??= value;
    } else if (name === 'RRULE') {
        observance.rrule ??= value;
    } else if (name === 'RDATE') {
        observance.rdates.push(value);
    }
}

/** Reads a feed's text. Never throws: a calendar, or an error value (not iCalendar, truncated, too large, malformed). */
export function parseIcs(text: unknown, options: ParseOptions = {}): CalendarResult<IcsCalendar> {
    if (typeof text !== 'string') {
        return { ok: false, error: calendarError(CalendarErrorCode.NotIcs) };
    }
    const maxChars = options.maxChars ?? FEED_MAX_BYTES;
    if (text.length > maxChars) {
        return { ok: false, error: calendarError(CalendarErrorCode.TooLarge, { limit: `${Math.round(maxChars / 1024 / 1024)} MB` }) };
    }
    const calendar: IcsCalendar = { events: [], timezones: new Map(), ignoredLines: 0 };
    const stack: Level[] = [];
    let sawCalendar = false;
    let failure: CalendarErrorCode | undefined;

    const close = (level: Level): void => {
        const { frame } = level;
        const parent = stack[stack.length - 1]?.frame;
        if (frame.kind === 'event') {
            calendar.events.push(frame.event);
        } else if (frame.kind === 'timezone' && frame.timezone.tzid !== '' && !calendar.timezones.has(frame.timezone.tzid)) {
            calendar.timezones.set(frame.timezone.tzid, frame.timezone);
        } else if (frame.kind === 'observance' && parent?.kind === 'timezone') {
            parent.timezone.observances.push(frame.observance);
        }
    };

    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    forEachUnfoldedLine(body, (line) => {
        const name = contentLineName(line);
        if (name === undefined) {
            if (!sawCalendar && line.trim() !== '') {
                failure = CalendarErrorCode.NotIcs;
                return false;
            }
            calendar.ignoredLines++;
            return true;
        }
        if (name === 'BEGIN' || name === 'END') {
            const component = token(line.slice(line.indexOf(':') + 1));
            if (name === 'BEGIN') {
                if (stack.length === 0 && component !== 'VCALENDAR') {
                    if (!sawCalendar) {
                        failure = CalendarErrorCode.NotIcs;
                        return false;
                    }
                    calendar.ignoredLines++;
                    return true;
                }
                if (stack.length >= MAX_COMPONENT_DEPTH) {
                    failure = CalendarErrorCode.Malformed;
                    return false;
                }
                sawCalendar = true;
                stack.push({ name: component, frame: frameFor(component, stack[stack.length - 1]?.frame) });
                return true;
            }
            // END: closes the innermost component of that name (and any left open inside it)
            let at = stack.length - 1;
            while (at >= 0 && stack[at].name !== component) {
                at--;
            }
            if (at < 0) {
                calendar.ignoredLines++;
                return true;
            }
            while (stack.length > at + 1) {
                stack.pop(); // an unclosed inner component is dropped, not half-kept
            }
            const level = stack.pop() as Level;
            close(level);
            return true;
        }
        const top = stack[stack.length - 1];
        if (!top) {
            if (!sawCalendar) {
                failure = CalendarErrorCode.NotIcs;
                return false;
            }
            calendar.ignoredLines++;
            return true;
        }
        const frame = top.frame;
        if (frame.kind === 'event' && EVENT_PROPERTIES.has(name)) {
            readEventProperty(frame.event, line, name);
        } else if (frame.kind === 'observance' && OBSERVANCE_PROPERTIES.has(name)) {
            readObservanceProperty(frame.observance, line, name);
        } else if (frame.kind === 'timezone' && name === 'TZID') {
            const parsed = parseContentLine(line);
            if (parsed && frame.timezone.tzid === '') {
                frame.timezone.tzid = unescapeText(parsed.value).trim();
            }
        } else if (frame.kind === 'calendar' && name === 'X-WR-TIMEZONE') {
            const parsed = parseContentLine(line);
            if (parsed && calendar.calendarTimeZone === undefined) {
                calendar.calendarTimeZone = unescapeText(parsed.value).trim();
            }
        }
        return true;
    });

    if (failure) {
        return { ok: false, error: calendarError(failure) };
    }
    if (!sawCalendar) {
        return { ok: false, error: calendarError(CalendarErrorCode.NotIcs) };
    }
    if (stack.length > 0) {
        return { ok: false, error: calendarError(CalendarErrorCode.Truncated) };
    }
    return { ok: true, value: calendar };
}
