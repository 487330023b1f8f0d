import { calendarError, CalendarError, CalendarErrorCode } from './calendarErrors';
import { DEFAULT_POLL_MINUTES, MAX_POLL_MINUTES, MAX_RETRY_DELAY_MS, MIN_POLL_MINUTES, TELL_USER_AT_FAILURES } from './calendarLimits';
import { MINUTE_MS } from './civilDays';

/**
 * When a feed is read, pure arithmetic for the job that reads them (SPEC section 7):
 * - each feed has a slot, a minute of the poll interval from a stable hash of its id, and is read
 *   only at its slot (epoch minute mod interval = slot), so 10,000 feeds spread evenly over the
 *   interval and each is read at most once per interval;
 * - after a failure the delay doubles from the interval (1x, 2x, 4x...) up to 6 hours, still on the
 *   feed's slot; the user is told once, at the third failure in a row;
 * - requests are conditional on the validators of the last good read (`If-None-Match` from its
 *   `ETag`, `If-Modified-Since` from its `Last-Modified`): an unchanged feed answers 304, costs one
 *   request and no parsing.
 */

/** `calendar_poll_minutes` as used: a whole number of minutes, 10 when unreadable, at least 5. */
export function pollMinutes(setting: unknown): number {
    const n = typeof setting === 'string' && setting.trim() !== '' ? Number(setting) : setting;
    if (typeof n !== 'number' || !Number.isFinite(n)) {
        return DEFAULT_POLL_MINUTES;
    }
    return Math.min(MAX_POLL_MINUTES, Math.max(MIN_POLL_MINUTES, Math.floor(n)));
}

/** FNV-1a, 32 bits: stable across runs, instances and runtimes. */
function hash(text: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    // final avalanche (murmur3's fmix32), so ids that differ in their last character spread too
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
}

/** The feed's minute in the interval, 0 .. minutes-1. */
export function feedSlot(feedId: string, minutes: number): number {
    return hash(feedId) % minutes;
}

/** The first start of a minute at or after `at` that is the feed's slot. */
export function slotAtOrAfter(feedId: string, minutes: number, at: number): number {
    const minute = Math.ceil(at / MINUTE_MS);
    const wait = (((feedSlot(feedId, minutes) - minute) % minutes) + minutes) % minutes;
    return (minute + wait) * MINUTE_MS;
}

/** Whether the feed's slot is the minute that contains `now` (what a job running every minute asks). */
export function isFeedSlot(feedId: string, minutes: number, now: number): boolean {
    return Math.floor(now / MINUTE_MS) % minutes === feedSlot(feedId, minutes);
}

/**
 * The delay before the next attempt after `failures` failures in a row: the interval with none,
 * doubling with each (1x, 2x, 4x...), at most 6 hours (or the interval, when that is longer).
 */
export function retryDelayMs(failures: number, minutes: number): number {
    const interval = minutes * MINUTE_MS;
    const cap = Math.max(MAX_RETRY_DELAY_MS, interval);
    if (failures <= 1) {
        return interval;
    }
    return failures > 40 ? cap : Math.min(cap, interval * 2 ** (failures - 1));
}

/**
 * When the feed is next read, after an attempt at `lastAttemptAt` that left `failures` failures in
 * a row (0 after a good read): the feed's first slot once the delay has passed (a job running up
 * to a minute late still keeps its slot), never later than the delay's cap.
 */
export function nextAttemptAt(feedId: string, minutes: number, lastAttemptAt: number, failures: number): number {
    const interval = minutes * MINUTE_MS;
    const delay = retryDelayMs(failures, minutes);
    const next = slotAtOrAfter(feedId, minutes, lastAttemptAt + delay - MINUTE_MS);
    const latest = lastAttemptAt + Math.max(MAX_RETRY_DELAY_MS, interval);
    return next <= latest ? next : next - interval;
}

/** Exactly once per streak of failures: at the third in a row. */
export function shouldTellUser(failuresInARow: number): boolean {
    return failuresInARow === TELL_USER_AT_FAILURES;
}

export interface FeedValidators {
    etag?: string;
    lastModified?: string;
}

/** A header value a server sent that is safe to send back (no line breaks, not absurdly long). */
function safeHeaderValue(value: unknown): string | undefined {
    const text = Array.isArray(value) ? value[0] : value;
    return typeof text === 'string' && text.trim() !== '' && text.length <= 512 && !/[\r\n\0]/.test(text) ? text.trim() : undefined;
}

/** The validators of a response, from its headers (any case). */
export function validatorsOf(headers: Record<string, unknown> | undefined): FeedValidators {
    const out: FeedValidators = {};
    for (const name of Object.keys(headers ?? {})) {
        const lower = name.toLowerCase();
        const value = safeHeaderValue(headers?.[name]);
        if (value !== undefined && lower === 'etag') {
            out.etag = value;
        } else if (value !== undefined && lower === 'last-modified') {
            out.lastModified = value;
        }
    }
    return out;
}

/** The conditional request headers from the last good read's validators. */
export function conditionalHeaders(validators: FeedValidators): Record<string, string> {
    const headers: Record<string, string> = {};
    const etag = safeHeaderValue(validators.etag);
    const lastModified = safeHeaderValue(validators.lastModified);
    if (etag) {
        headers['If-None-Match'] = etag;
    }
    if (lastModified) {
        headers['If-Modified-Since'] = lastModified;
    }
    return headers;
}

/** What a response means before its body is looked at: 304 unchanged, 2xx a body to parse, else a failure. */
export function responseOutcome(statusCode: number): 'unchanged' | 'body' | CalendarError {
    if (statusCode === 304) {
        return 'unchanged';
    }
    if (statusCode >= 200 && statusCode < 300) {
        return 'body';
    }
    return calendarError(CalendarErrorCode.Http, { status: statusCode });
}

/** What the job keeps per feed between reads. */
export interface FeedReadState {
    failures: number;
    nextReadAt: number;
    lastAttemptAt?: number;
    /** the last good read (a new body parsed, or a 304) */
    lastReadAt?: number;
    lastError?: CalendarError;
    validators: FeedValidators;
}

export type ReadResult = { kind: 'changed'; validators: FeedValidators } | { kind: 'unchanged' } | { kind: 'failed'; error: CalendarError };

/** A new feed: read at once (the user just gave it), then on its slot. */
export function newFeedState(now: number): FeedReadState {
    return { failures: 0, nextReadAt: now, validators: {} };
}

/**
 * The state after a read. A failure (the body did not parse included) keeps the validators of the
 * last good read, so the next request is not answered 304 for a body that failed.
 */
export function afterRead(state: FeedReadState, result: ReadResult, now: number, feedId: string, minutes: number): { state: FeedReadState; tellUser: boolean } {
    if (result.kind === 'failed') {
        const failures = state.failures + 1;
        return {
            state: { ...state, failures, lastAttemptAt: now, lastError: result.error, nextReadAt: nextAttemptAt(feedId, minutes, now, failures) },
            tellUser: shouldTellUser(failures),
        };
    }
    const validators = result.kind === 'changed' ? result.validators : state.validators;
    return {
        state: { failures: 0, lastAttemptAt: now, lastReadAt: now, validators, nextReadAt: nextAttemptAt(feedId, minutes, now, 0) },
        tellUser: false,
    };
}
