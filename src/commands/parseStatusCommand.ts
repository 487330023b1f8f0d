import { looksLikeDuration, parseDuration } from '../core/status/duration';
import { isUserPresence, UserPresence } from '../core/status/presets';

/** What a status slash command asks for. Pure: no engine imports. */
export type StatusCommandRequest =
    | { kind: 'help' }
    | { kind: 'list' }
    | { kind: 'clear' }
    | { kind: 'show'; username?: string }
    | { kind: 'set'; status?: UserPresence; message?: string; expiresAt?: Date }
    | { kind: 'connections' }
    | { kind: 'enable' }
    | { kind: 'custom'; words: string[] }
    /** no subcommand: the words may name a custom status, or be a message (`/status`), or an unknown word (`/userstatus`) */
    | { kind: 'text'; words: string[] }
    | { kind: 'error'; key: 'error_invalid_duration' | 'error_past_duration'; params: Record<string, string> };

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

/** Reads `<preset> [duration] [message...]` after the preset word. */
function parseSet(status: UserPresence, rest: string[], options: ParseOptions): StatusCommandRequest {
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
    }
    const preset = isUserPresence(sub) ? sub : ALIASES[sub];
    return preset ? parseSet(preset, rest, options) : text;
}

/**
 * `<custom status name> [duration]`: the longest run of first words that names a custom status
 * (ignoring case), followed by nothing or by exactly a duration. `undefined` when none fits.
 */
export function matchCustomStatusWords<T extends { name: string }>(
    words: ReadonlyArray<string>,
    statuses: ReadonlyArray<T>,
    options: ParseOptions,
): { status: T; expiresAt?: Date } | { status: T; error: 'invalid' | 'past'; text: string } | undefined {
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
        const duration = leadingDuration(rest, options);
        if (duration && duration.take === rest.length) {
            return 'error' in duration ? { status, error: duration.error, text: duration.text } : { status, expiresAt: duration.until };
        }
    }
    return undefined;
}
