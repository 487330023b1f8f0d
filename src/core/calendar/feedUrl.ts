import { calendarError, CalendarErrorCode, CalendarResult } from './calendarErrors';
import { MAX_FEED_URL_LENGTH } from './calendarLimits';

/**
 * The feed address a user gives with `/status calendar <url>`:
 * - http or https (`webcal://` and `webcals://`, what "subscribe" links of Apple and Google use, are
 *   read as https); at most 2048 characters; the fragment is dropped (never sent anyway);
 * - `calendar_allowed_hosts`: one host a line (commas work too, `#` starts a comment); empty allows
 *   any host. An entry allows that host and its subdomains (`google.com` allows
 *   `calendar.google.com`, not `evilgoogle.com`), since providers serve feeds from many hosts
 *   (iCloud's `p01-caldav.icloud.com`...); an IP address entry allows exactly that address;
 * - private addresses (localhost, loopback, private and link-local IP ranges, single-label intranet
 *   names) are refused unless the allowed hosts name them: a user must not make the server read its
 *   own network. Names that resolve to such addresses cannot be seen here (no DNS in the app);
 *   admins who need that guarantee list the allowed hosts.
 * - Shown back only masked: the host and the last 4 characters of path and query. A `user:password@`
 *   in the address is kept for the request (as a Basic Authorization header, `feedRequest`) and
 *   never shown.
 */
export interface FeedUrl {
    /** the address to store (normalized, with any credentials) */
    url: string;
    /** lower case, punycode */
    host: string;
    /** what the user and admins see */
    masked: string;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function privateIpv4(host: string): boolean {
    const match = IPV4.exec(host);
    if (!match) {
        return false;
    }
    const [a, b] = [Number(match[1]), Number(match[2])];
    return (
        a === 0 ||
        a === 10 ||
        a === 127 ||
        (a === 100 && b >= 64 && b <= 127) ||
        (a === 169 && b === 254) ||
        (a === 172 && b >= 16 && b <= 31) ||
        (a === 192 && b === 168)
    );
}

function privateIpv6(host: string): boolean {
    const address = host.replace(/^\[|\]$/g, '').toLowerCase();
    if (address.indexOf(':') < 0) {
        return false;
    }
    if (address === '::1' || address === '::') {
        return true;
    }
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
    if (mapped) {
        return privateIpv4(mapped[1]);
    }
    const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
    if (hexMapped) {
        const [high, low] = [parseInt(hexMapped[1], 16), parseInt(hexMapped[2], 16)];
        return privateIpv4(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
    }
    return /^f[cd][0-9a-f]{0,2}:/.test(address) || /^fe[89ab][0-9a-f]?:/.test(address);
}

/** Whether a host (as `URL.hostname` writes it) is on the server's own or a private network. */
export function isPrivateHost(host: string): boolean {
    const h = host.toLowerCase().replace(/\.$/, '');
    return h === 'localhost' || h.endsWith('.localhost') || privateIpv4(h) || privateIpv6(h) || (h.indexOf('.') < 0 && h.indexOf(':') < 0);
}

function normalizeHostEntry(entry: string): string | undefined {
    let text = entry.trim().toLowerCase();
    if (text === '') {
        return undefined;
    }
    text = text
        .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
        .replace(/[/?#].*$/, '')
        .replace(/^\*?\./, '');
    if (text.startsWith('[')) {
        const close = text.indexOf(']');
        return close > 0 ? text.slice(0, close + 1) : undefined;
    }
    text = text.replace(/:\d*$/, '').replace(/\.$/, '');
    if (text === '') {
        return undefined;
    }
    try {
        return new URL(`http://${text}/`).hostname;
    } catch {
        return undefined;
    }
}

/** `calendar_allowed_hosts` as a list of hosts (normalized; bad lines left out). */
export function parseAllowedHosts(setting: unknown): string[] {
    if (typeof setting !== 'string') {
        return [];
    }
    const hosts: string[] = [];
    for (const line of setting.split(/[\r\n,]+/)) {
        const host = normalizeHostEntry(line.replace(/#.*$/, ''));
        if (host && hosts.indexOf(host) < 0) {
            hosts.push(host);
        }
    }
    return hosts;
}

/** Whether the allowed-hosts rule lets a host through (an empty list: any host that is not private). */
function hostAllowed(host: string, allowed: ReadonlyArray<string>): boolean {
    const listed = allowed.some((entry) => host === entry || (!IPV4.test(entry) && !entry.startsWith('[') && host.endsWith(`.${entry}`)));
    if (listed) {
        return true;
    }
    return allowed.length === 0 && !isPrivateHost(host);
}

/** The masked form: host and the last 4 characters of path and query (`calendar.google.com/….ics`). */
export function maskFeedUrl(url: string): string {
    try {
        const parsed = new URL(url);
        const rest = parsed.pathname + parsed.search;
        const tail = rest === '/' ? '' : rest.slice(-4);
        return tail === '' ? parsed.host : `${parsed.host}/…${tail}`;
    } catch {
        return '…';
    }
}

/** Checks a feed address against the scheme, length and allowed-hosts rules. */
export function checkFeedUrl(input: unknown, allowedHosts: ReadonlyArray<string>): CalendarResult<FeedUrl> {
    const invalid = { ok: false as const, error: calendarError(CalendarErrorCode.InvalidUrl) };
    if (typeof input !== 'string') {
        return invalid;
    }
    const text = input.trim().replace(/^<(.*)>$/, '$1');
    if (text === '' || text.length > MAX_FEED_URL_LENGTH || /\s/.test(text)) {
        return invalid;
    }
    let parsed: URL;
    try {
        parsed = new URL(text.replace(/^webcals?:\/\//i, 'https://'));
    } catch {
        return invalid;
    }
    if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') {
        return invalid;
    }
    parsed.hash = '';
    const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
    if (!hostAllowed(host, allowedHosts)) {
        const code = allowedHosts.length === 0 ? CalendarErrorCode.PrivateAddress : CalendarErrorCode.HostNotAllowed;
        return { ok: false, error: calendarError(code, { host }) };
    }
    const url = parsed.href;
    return { ok: true, value: { url, host, masked: maskFeedUrl(url) } };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function utf8Bytes(text: string): number[] {
    const bytes: number[] = [];
    for (const char of text) {
        const cp = char.codePointAt(0) as number;
        if (cp < 0x80) {
            bytes.push(cp);
        } else if (cp < 0x800) {
            bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
        } else if (cp < 0x10000) {
            bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
        } else {
            bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
        }
    }
    return bytes;
}

function base64Utf8(text: string): string {
    const bytes = utf8Bytes(text);
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
        const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
        const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
        out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63] + (b === undefined ? '=' : BASE64[(n >> 6) & 63]) + (c === undefined ? '=' : BASE64[n & 63]);
    }
    return out;
}

function decoded(part: string): string {
    try {
        return decodeURIComponent(part);
    } catch {
        return part;
    }
}

/** What to request: the address without credentials, and a Basic Authorization header when it had some. */
export function feedRequest(url: string): { url: string; headers: Record<string, string> } {
    const parsed = new URL(url);
    if (parsed.username === '' && parsed.password === '') {
        return { url, headers: {} };
    }
    const credentials = `${decoded(parsed.username)}:${decoded(parsed.password)}`;
    parsed.username = '';
    parsed.password = '';
    return { url: parsed.href, headers: { Authorization: `Basic ${base64Utf8(credentials)}` } };
}
