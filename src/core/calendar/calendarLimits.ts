/** The numbers of the calendar feature (SPEC section 7), in one place. */
import { DAY_MS, HOUR_MS, SECOND_MS } from './civilDays';

/** How far ahead busy blocks are computed. */
export const WINDOW_DAYS = 14;
export const WINDOW_MS = WINDOW_DAYS * DAY_MS;

/** A feed's body is read up to this many bytes; a longer one is an error (and the parser refuses more characters). */
export const FEED_MAX_BYTES = 2 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 10 * SECOND_MS;

/** `calendar_poll_minutes`: the default and the least an admin can set. */
export const DEFAULT_POLL_MINUTES = 10;
export const MIN_POLL_MINUTES = 5;
/** A poll interval above a week is read as a week (a number that large is a typo). */
export const MAX_POLL_MINUTES = 7 * 24 * 60;

/** A failing feed's retry delay doubles from the poll interval up to this. */
export const MAX_RETRY_DELAY_MS = 6 * HOUR_MS;
/** The user is told once, at this many failures in a row. */
export const TELL_USER_AT_FAILURES = 3;

/** The longest feed URL accepted. */
export const MAX_FEED_URL_LENGTH = 2048;

/** Components nested deeper than this make a feed malformed (real feeds nest 3 deep: VCALENDAR > VEVENT > VALARM). */
export const MAX_COMPONENT_DEPTH = 16;

/** Work caps of recurrence expansion: steps (periods and candidate days) per event, and per feed. */
export const MAX_STEPS_PER_EVENT = 50_000;
export const MAX_STEPS_PER_FEED = 2_000_000;
