import { CalendarErrorCode } from '../../../src/core/calendar/calendarErrors';
import { checkFeedUrl, feedRequest, isPrivateHost, maskFeedUrl, parseAllowedHosts } from '../../../src/core/calendar/feedUrl';

const GOOGLE = 'https://calendar.google.com/calendar/ical/alice%40example.com/private-0123456789abcdef0123456789abcdef/basic.ics';
const OUTLOOK = 'https://outlook.office365.com/owa/calendar/1b2c3d4e5f@example.com/a1b2c3d4e5f60718293a4b5c6d7e8f90123456789/calendar.ics';
const ICLOUD = 'webcal://p52-caldav.icloud.com/published/2/MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MA';
const NEXTCLOUD = 'https://cloud.example.org/remote.php/dav/public-calendars/AbCdEfGhIjKlMnOp?export';

const errorOf = (url: unknown, allowed: string[] = []) => {
    const result = checkFeedUrl(url, allowed);
    return result.ok ? undefined : result.error;
};

describe('a feed address', () => {
    it.each([
        ['Google', GOOGLE, 'calendar.google.com', 'calendar.google.com/….ics'],
        ['Outlook', OUTLOOK, 'outlook.office365.com', 'outlook.office365.com/….ics'],
        ['Nextcloud', NEXTCLOUD, 'cloud.example.org', 'cloud.example.org/…port'],
        ['iCloud (webcal:// is read as https)', ICLOUD, 'p52-caldav.icloud.com', 'p52-caldav.icloud.com/…g5MA'],
    ])('%s is accepted, and shown back only as host and last 4 characters', (_name, url, host, masked) => {
        const result = checkFeedUrl(url, []);
        expect(result).toEqual({ ok: true, value: { url: expect.stringMatching(/^https:\/\//), host, masked } });
        const secret = url.split('/').slice(4).join('/');
        expect(result.ok && result.value.masked).not.toContain(secret.slice(0, 10));
    });

    it('is trimmed, loses its fragment, keeps a port and a query, and is normalized', () => {
        expect(checkFeedUrl('  <HTTPS://Cal.Example.COM:8443/a/b.ics?x=1#frag>  ', [])).toEqual({
            ok: true,
            value: { url: 'https://cal.example.com:8443/a/b.ics?x=1', host: 'cal.example.com', masked: 'cal.example.com:8443/…?x=1' },
        });
        expect(checkFeedUrl('http://example.com', [])).toEqual({ ok: true, value: { url: 'http://example.com/', host: 'example.com', masked: 'example.com' } });
    });

    it.each([
        ['not a string', 42],
        ['empty', '   '],
        ['no scheme', 'calendar.google.com/basic.ics'],
        ['ftp', 'ftp://example.com/cal.ics'],
        ['file', 'file:///etc/passwd'],
        ['javascript', 'javascript:alert(1)'],
        ['data', 'data:text/calendar,BEGIN:VCALENDAR'],
        ['spaces inside', 'https://example.com/my calendar.ics'],
        ['too long', `https://example.com/${'a'.repeat(2048)}`],
        ['no host', 'http://:8080/cal.ics'],
    ])('%s is refused', (_name, url) => expect(errorOf(url)).toEqual({ code: CalendarErrorCode.InvalidUrl }));

    it('keeps credentials for the request but never shows them', () => {
        const result = checkFeedUrl('https://alice:s3cr%C3%A9t@cloud.example.org/remote.php/dav/calendars/alice/personal?export', []);
        expect(result.ok && result.value.masked).toBe('cloud.example.org/…port');
        expect(result.ok && result.value.masked).not.toMatch(/alice|s3cr/);
        const request = feedRequest(result.ok ? result.value.url : '');
        expect(request.url).toBe('https://cloud.example.org/remote.php/dav/calendars/alice/personal?export');
        expect(request.headers).toEqual({ Authorization: `Basic ${Buffer.from('alice:s3crét', 'utf8').toString('base64')}` });
        expect(feedRequest(GOOGLE)).toEqual({ url: GOOGLE, headers: {} });
        expect(feedRequest('https://bob@example.com/x').headers.Authorization).toBe(`Basic ${Buffer.from('bob:').toString('base64')}`);
    });

    it('a masked form of something that is no address gives nothing away', () => expect(maskFeedUrl('not a url with secret')).toBe('…'));
});

describe('the allowed hosts setting', () => {
    it('one host a line; commas, comments, schemes, paths, ports, case and a leading *. are tolerated', () => {
        expect(
            parseAllowedHosts(
                'calendar.google.com\r\n  Outlook.Office365.com  \n# Apple\n*.icloud.com, https://cloud.example.org:443/remote.php\n\n.example.net\n[::1]\n127.0.0.1 # tests\nbücher.example',
            ),
        ).toEqual([
            'calendar.google.com',
            'outlook.office365.com',
            'icloud.com',
            'cloud.example.org',
            'example.net',
            '[::1]',
            '127.0.0.1',
            'xn--bcher-kva.example',
        ]);
        expect(parseAllowedHosts('')).toEqual([]);
        expect(parseAllowedHosts(undefined)).toEqual([]);
        expect(parseAllowedHosts('\n\n# nothing\n')).toEqual([]);
    });

    const allowed = parseAllowedHosts('google.com\nicloud.com\n203.0.113.7');

    it('an entry allows the host and its subdomains', () => {
        expect(checkFeedUrl(GOOGLE, allowed).ok).toBe(true);
        expect(checkFeedUrl('https://google.com/cal.ics', allowed).ok).toBe(true);
        expect(checkFeedUrl(ICLOUD, allowed).ok).toBe(true);
        expect(checkFeedUrl('https://CALENDAR.GOOGLE.COM./basic.ics', allowed).ok).toBe(true);
    });

    it('not a host that only ends with the same letters, nor another host', () => {
        expect(errorOf('https://evilgoogle.com/basic.ics', allowed)).toEqual({ code: CalendarErrorCode.HostNotAllowed, params: { host: 'evilgoogle.com' } });
        expect(errorOf('https://google.com.evil.org/basic.ics', allowed)).toEqual({
            code: CalendarErrorCode.HostNotAllowed,
            params: { host: 'google.com.evil.org' },
        });
        expect(errorOf(OUTLOOK, allowed)).toEqual({ code: CalendarErrorCode.HostNotAllowed, params: { host: 'outlook.office365.com' } });
    });

    it('an IP address entry allows exactly that address', () => {
        expect(checkFeedUrl('http://203.0.113.7/cal.ics', allowed).ok).toBe(true);
        expect(errorOf('http://203.0.113.8/cal.ics', allowed)?.code).toBe(CalendarErrorCode.HostNotAllowed);
    });
});

describe("the server's own network", () => {
    it.each([
        'http://localhost:3000/cal.ics',
        'http://app.localhost/cal.ics',
        'http://127.0.0.1/cal.ics',
        'http://127.1/cal.ics',
        'http://0x7f000001/cal.ics',
        'http://2130706433/cal.ics',
        'http://10.1.2.3/cal.ics',
        'http://172.16.0.1/cal.ics',
        'http://172.31.255.255/cal.ics',
        'http://192.168.1.10/cal.ics',
        'http://169.254.169.254/latest/meta-data',
        'http://100.64.0.1/cal.ics',
        'http://0.0.0.0/cal.ics',
        'http://[::1]/cal.ics',
        'http://[::]/cal.ics',
        'http://[fe80::1]/cal.ics',
        'http://[fd00::1]/cal.ics',
        'http://[::ffff:127.0.0.1]/cal.ics',
        'http://[::ffff:10.0.0.1]/cal.ics',
        'http://nextcloud/remote.php/dav?export',
    ])('%s is refused unless an admin lists it', (url) => {
        const result = checkFeedUrl(url, []);
        expect(result.ok ? undefined : result.error.code).toBe(CalendarErrorCode.PrivateAddress);
    });

    it('is allowed when the allowed hosts name it (a test workspace: 127.0.0.1)', () => {
        expect(checkFeedUrl('http://127.0.0.1:8081/feed.ics', parseAllowedHosts('127.0.0.1')).ok).toBe(true);
        expect(checkFeedUrl('http://[::1]:8081/feed.ics', parseAllowedHosts('[::1]')).ok).toBe(true);
        expect(checkFeedUrl('http://nextcloud/x?export', parseAllowedHosts('nextcloud')).ok).toBe(true);
    });

    it.each(['calendar.google.com', '8.8.8.8', '172.32.0.1', '192.169.0.1', '[2001:db8::1]', 'fd.example.com'])('%s is public', (host) =>
        expect(isPrivateHost(host)).toBe(false),
    );
});
