import { looksLikeDuration, parseDuration } from '../core/status/duration';
import { isUserPresence, UserPresence } from '../core/status/presets';
import { parseSpan } from '../core/status/schedule';
import { parseWorkingHours, WorkingHours } from '../core/status/workingHours';

/** What a status slash command asks for. Pure: no engine imports. */
export type StatusCommandRequest =
    | { kind: 'help' }
    | { kind: 'list' }
    | { kind: 'clear' }
    | { kind: 'show'; username?: string }
    | { kind: 'set'; status?: UserPresence; message?: string; expiresAt?: Date }
    | { kind: 'schedule'; status?: UserPresence; message?: string; start: Date; end: Date }
    | { kind: 'setOther'; username: string; status: UserPresence; message?: string; expiresAt?: Date }
    | { kind: 'recent'; pick?: number }
    | { kind: 'scheduled'; cancel?: number }
    | { kind: 'hours'; hours?: WorkingHours | 'off' }
    | { kind: 'audit'; username?: string }
    | { kind: 'connections' }
    | { kind: 'enable' }
    | { kind: 'custom'; words: string[] }
    /** no subcommand: the words may name a custom status, or be a message (`/status`), or an unknown word (`/userstatus`) */
    | { kind: 'text'; words: string[] }
    | { kind: 'error'; key: ParseErrorKey; params: Record<string, string> };

export type ParseErrorKey =
    'error_invalid_duration' | 'error_past_duration' | 'error_invalid_span' | 'error_past_span' | 'error_span_order' | 'error_span_too_far';

const SPAN_ERRORS: Record<'invalid' | 'past' | 'order' | 'too-far', ParseErrorKey> = {
    invalid: 'error_invalid_span',
    past: 'error_past_span',
    order: 'error_span_order',
    'too-far': 'error_span_too_far',
};

export interface ParseOptions {
    now: Date;
    /** the user's UTC offset in hours, for `today` and dates */
    utcOffset: number;
}

const ALIASES: Record<string, UserPresence> = { invisible: 'offline', dnd: 'busy' };
const CUSTOM_VERBS = ['list', 'create', 'add', 'rename', 'presence', 'type', 'console', 'admin', 'delete', 'remove'];
const USERNAME = /^@?[\w.-]+$/;

/** A duration at the start of `words` (one word, or `this week`): how many words it takes and when it ends. */
export function leadingDuration(
    words: ReadonlyArray<string>,
    options: ParseOptions,
): { take: number; until: Date } | { take: number; error: 'invalid' | 'past'; text: string } | undefined {
    if (words.length > 1 && `${words[0]} ${words[1]}`.toLowerCase() === 'this week') {
        const parsed = parseDuration('this week', options.now, options.utcOffset);
        return parsed.ok ? { take: 2, until: parsed.until } : { take: 2, error: parsed.reason, text: 'this week' };
    }
    if (words.length > 0 && looksLikeDuration(words[0])) {
        const parsed = parseDuration(words[0], options.now, options.utcOffset);
        return parsed.ok ? { take: 1, until: parsed.until } : { take: 1, error: parsed.reason, text: words[0] };
    }
    return undefined;
}

/** Reads `<preset> [duration] [message...]`, or `<preset> from <when> to <when> [message...]`, after the preset word. */
function parseSet(status: UserPresence, rest: string[], options: ParseOptions): StatusCommandRequest {
    const span = parseSpan(rest, options.now, options.utcOffset);
    if (span) {
        if (!span.ok) {
            return { kind: 'error', key: SPAN_ERRORS[span.reason], params: { span: span.text } };
        }
        const message = rest.slice(span.take).join(' ');
        return { kind: 'schedule', status, ...(message ? { message } : {}), start: span.start, end: span.end };
    }
    const duration = leadingDuration(rest, options);
    if (duration && 'error' in duration) {
        return { kind: 'error', key: duration.error === 'past' ? 'error_past_duration' : 'error_invalid_duration', params: { duration: duration.text } };
    }
    const words = duration ? rest.slice(duration.take) : rest;
    return {
        kind: 'set',
        status,
        ...(words.length > 0 ? { message: words.join(' ') } : {}),
        ...(duration ? { expiresAt: duration.until } : {}),
    };
}

/**
 * Splits a command's arguments (already through Rocket.Chat's `parseParameters`: quotes group
 * words and vanish, runs of spaces collapse) into a subcommand. A first word that names a
 * subcommand is that subcommand only when the rest fits its arguments: `/status show me the
 * money` is no `show`, it is text (a message, for `/status`).
 */
export function parseStatusCommand(args: ReadonlyArray<string>, options: ParseOptions): StatusCommandRequest {
    const words = args.map((w) => w.trim()).filter((w) => w !== '');
    if (words.length === 0) {
        return { kind: 'show' };
    }
    const [first, ...rest] = words;
    const sub = first.toLowerCase();
    const text: StatusCommandRequest = { kind: 'text', words };
    const only = (request: StatusCommandRequest): StatusCommandRequest => (rest.length === 0 ? request : text);
    switch (sub) {
        case 'help':
        case '?':
            return only({ kind: 'help' });
        case 'list':
            return only({ kind: 'list' });
        case 'clear':
        case 'reset':
            return only({ kind: 'clear' });
        case 'me':
            return only({ kind: 'show' });
        case 'connections':
            return only({ kind: 'connections' });
        case 'enable':
            return only({ kind: 'enable' });
        case 'show':
        case 'get':
            if (rest.length === 0) {
                return { kind: 'show' };
            }
            return rest.length === 1 && USERNAME.test(rest[0]) ? { kind: 'show', username: rest[0].replace(/^@/, '') } : text;
        case 'message':
        case 'msg':
            return { kind: 'set', message: rest.join(' ') };
        case 'custom':
            return rest.length === 0 || CUSTOM_VERBS.includes(rest[0].toLowerCase()) ? { kind: 'custom', words: rest } : text;
        case 'recent':
            if (rest.length === 0) {
                return { kind: 'recent' };
            }
            return rest.length === 1 && /^\d+$/.test(rest[0]) ? { kind: 'recent', pick: Number(rest[0]) } : text;
        case 'scheduled':
            if (rest.length === 0) {
                return { kind: 'scheduled' };
            }
            return rest.length === 2 && rest[0].toLowerCase() === 'cancel' && /^\d+$/.test(rest[1]) ? { kind: 'scheduled', cancel: Number(rest[1]) } : text;
        case 'hours': {
            if (rest.length === 0) {
                return { kind: 'hours' };
            }
            if (rest.length === 1 && rest[0].toLowerCase() === 'off') {
                return { kind: 'hours', hours: 'off' };
            }
            const hours = parseWorkingHours(rest, options.utcOffset);
            return hours ? { kind: 'hours', hours } : text;
        }
        case 'audit':
            if (rest.length === 0) {
                return { kind: 'audit' };
            }
            return rest.length === 1 && rest[0].startsWith('@') && USERNAME.test(rest[0]) ? { kind: 'audit', username: rest[0].slice(1) } : text;
        case 'set': {
            const [who = '', presetWord = '', ...after] = rest;
            const preset = isUserPresence(presetWord.toLowerCase()) ? (presetWord.toLowerCase() as UserPresence) : ALIASES[presetWord.toLowerCase()];
            if (!who.startsWith('@') || !USERNAME.test(who) || !preset) {
                return text;
            }
            const request = parseSet(preset, after, options);
            if (request.kind === 'error') {
                return request;
            }
            if (request.kind !== 'set') {
                return text;
            }
            return {
                kind: 'setOther',
                username: who.slice(1),
                status: preset,
                ...(request.message ? { message: request.message } : {}),
                ...(request.expiresAt ? { expiresAt: request.expiresAt } : {}),
            };
        }
    }
    const preset = isUserPresence(sub) ? sub : ALIASES[sub];
    return preset ? parseSet(preset, rest, options) : text;
}

/**
 * `<custom status name> [duration]` or `<custom status name> from <when> to <when>`: the longest
 * run of first words that names a custom status (ignoring case), followed by nothing, or by
 * exactly a duration or a span. `undefined` when none fits.
 */
export function matchCustomStatusWords<T extends { name: string }>(
    words: ReadonlyArray<string>,
    statuses: ReadonlyArray<T>,
    options: ParseOptions,
): { status: T; expiresAt?: Date } | { status: T; start: Date; end: Date } | { status: T; error: ParseErrorKey; text: string } | undefined {
    const byName = new Map(statuses.map((s) => [s.name.trim().toLowerCase(), s]));
    for (let take = words.length; take >= 1; take--) {
        const status = byName.get(words.slice(0, take).join(' ').toLowerCase());
        if (!status) {
            continue;
        }
        const rest = words.slice(take);
        if (rest.length === 0) {
            return { status };
        }
        const span = parseSpan(rest, options.now, options.utcOffset);
        if (span && (!span.ok || span.take === rest.length)) {
            return span.ok ? { status, start: span.start, end: span.end } : { status, error: SPAN_ERRORS[span.reason], text: span.text };
        }
        const duration = leadingDuration(rest, options);
        if (duration && duration.take === rest.length) {
            return 'error' in duration
                ? { status, error: duration.error === 'past' ? 'error_past_duration' : 'error_invalid_duration', text: duration.text }
                : { status, expiresAt: duration.until };
        }
    }
    return undefined;
}
