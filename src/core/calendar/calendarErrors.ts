import { AppError, ruleError } from '../AppError';

/**
 * What can go wrong with a calendar feed, as values: the URL a user gives (`/status calendar <url>`)
 * and each read of the feed (kept as the feed's last error, shown by `/status calendar`). Every code
 * has a line in the runtime catalog (src/i18n/calendarMessages.ts, key `calendar_<code>`).
 */
export const CalendarErrorCode = {
    InvalidUrl: 'error-calendar-invalid-url',
    HostNotAllowed: 'error-calendar-host-not-allowed',
    PrivateAddress: 'error-calendar-private-address',
    NotIcs: 'error-calendar-not-ics',
    Truncated: 'error-calendar-truncated',
    TooLarge: 'error-calendar-too-large',
    Malformed: 'error-calendar-malformed',
    Http: 'error-calendar-http',
    Timeout: 'error-calendar-timeout',
    Unreachable: 'error-calendar-unreachable',
} as const;

export type CalendarErrorCode = (typeof CalendarErrorCode)[keyof typeof CalendarErrorCode];

export const CALENDAR_ERROR_CODES: ReadonlyArray<CalendarErrorCode> = Object.keys(CalendarErrorCode).map(
    (name) => CalendarErrorCode[name as keyof typeof CalendarErrorCode],
);

export interface CalendarError {
    code: CalendarErrorCode;
    /** placeholders of the message: `host`, `status`, `limit` */
    params?: Record<string, string | number>;
}

export type CalendarResult<T> = { ok: true; value: T } | { ok: false; error: CalendarError };

const REASONS: Record<CalendarErrorCode, (params: Record<string, string | number>) => string> = {
    'error-calendar-invalid-url': () => 'The calendar address must be an http(s) address of an iCalendar feed',
    'error-calendar-host-not-allowed': (p) => `Calendar feeds from ${p.host} are not allowed on this workspace`,
    'error-calendar-private-address': (p) => `${p.host} is a private network address`,
    'error-calendar-not-ics': () => 'The address did not answer an iCalendar feed',
    'error-calendar-truncated': () => 'The feed ended before its end (no END:VCALENDAR)',
    'error-calendar-too-large': (p) => `The feed is larger than ${p.limit}`,
    'error-calendar-malformed': () => 'The feed is not well-formed iCalendar',
    'error-calendar-http': (p) => `The feed answered HTTP ${p.status}`,
    'error-calendar-timeout': (p) => `The feed did not answer within ${p.seconds} seconds`,
    'error-calendar-unreachable': () => 'The feed could not be reached',
};

export const calendarError = (code: CalendarErrorCode, params?: Record<string, string | number>): CalendarError => (params ? { code, params } : { code });

/** The English reason of an error (logs, REST); users read the catalog's line in their language. */
export function calendarErrorReason(error: CalendarError): string {
    return REASONS[error.code](error.params ?? {});
}

/** For adapters that answer in Rocket.Chat's format: `{errorType: code, error: '<reason> [<code>]'}`. */
export function calendarAppError(error: CalendarError): AppError {
    return ruleError(error.code, calendarErrorReason(error));
}
