import { looksLikeDuration, parseDuration } from '../core/status/duration';
import { isUserPresence, UserPresence } from '../core/status/presets';

/** What a status slash command asks for. Pure: no engine imports. */
export type StatusCommandRequest =
    | { kind: 'help' }
    | { kind: 'list' }
    | { kind: 'clear' }
    | { kind: 'show'; username?: string }
    | { kind: 'set'; status?: UserPresence; message?: string; expiresAt?: Date }
    | {
          kind: 'error';
          key: 'error_unknown_subcommand' | 'error_invalid_duration' | 'error_past_duration' | 'error_missing_user';
          params: Record<string, string>;
      };

export interface ParseOptions {
    now: Date;
    /** the user's UTC offset in hours, for `today` and dates */
    utcOffset: number;
    /**
     * `/status` keeps Rocket.Chat's built-in meaning: text that is no subcommand is the status
     * message. The app's own command answers an unknown word with an error instead.
     */
    freeTextIsMessage: boolean;
}

const ALIASES: Record<string, UserPresence> = { invisible: 'offline', dnd: 'busy' };

/** Reads `<preset> [duration] [message...]` after the preset word. */
function parseSet(status: UserPresence, rest: string[], options: ParseOptions): StatusCommandRequest {
    let words = rest;
    let expiresAt: Date | undefined;
    if (words.length > 0 && looksLikeDuration(words[0])) {
        const twoWords = words[0].toLowerCase() === 'this' || (words.length > 1 && `${words[0]} ${words[1]}`.toLowerCase() === 'this week');
        const take = twoWords ? 2 : 1;
        const duration = words.slice(0, take).join(' ');
        const parsed = parseDuration(duration, options.now, options.utcOffset);
        if (!parsed.ok) {
            return { kind: 'error', key: parsed.reason === 'past' ? 'error_past_duration' : 'error_invalid_duration', params: { duration } };
        }
        expiresAt = parsed.until;
        words = words.slice(take);
    } else if (words.length > 1 && `${words[0]} ${words[1]}`.toLowerCase() === 'this week') {
        const parsed = parseDuration('this week', options.now, options.utcOffset);
        if (parsed.ok) {
            expiresAt = parsed.until;
            words = words.slice(2);
        }
    }
    const request: StatusCommandRequest = { kind: 'set', status };
    if (words.length > 0) {
        request.message = words.join(' ');
    }
    if (expiresAt) {
        request.expiresAt = expiresAt;
    }
    return request;
}

export function parseStatusCommand(args: ReadonlyArray<string>, options: ParseOptions): StatusCommandRequest {
    const words = args.map((w) => w.trim()).filter((w) => w !== '');
    if (words.length === 0) {
        return { kind: 'show' };
    }
    const [first, ...rest] = words;
    const sub = first.toLowerCase();
    switch (sub) {
        case 'help':
        case '?':
            return { kind: 'help' };
        case 'list':
            return { kind: 'list' };
        case 'clear':
        case 'reset':
            return rest.length === 0 || !options.freeTextIsMessage ? { kind: 'clear' } : { kind: 'set', message: words.join(' ') };
        case 'show':
        case 'get':
        case 'me': {
            if (sub === 'me' || rest.length === 0) {
                return { kind: 'show' };
            }
            const username = rest[0].replace(/^@/, '');
            return username ? { kind: 'show', username } : { kind: 'error', key: 'error_missing_user', params: {} };
        }
        case 'message':
        case 'msg':
            return { kind: 'set', message: rest.join(' ') };
    }
    const preset = isUserPresence(sub) ? sub : ALIASES[sub];
    if (preset) {
        return parseSet(preset, rest, options);
    }
    if (options.freeTextIsMessage) {
        return { kind: 'set', message: words.join(' ') };
    }
    return { kind: 'error', key: 'error_unknown_subcommand', params: { word: first } };
}
