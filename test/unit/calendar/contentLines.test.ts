import { contentLineName, decodeParamValue, forEachUnfoldedLine, parseContentLine, unescapeText } from '../../../src/core/calendar/contentLines';
import { fold } from './feeds';

const unfold = (text: string): string[] => {
    const lines: string[] = [];
    forEachUnfoldedLine(text, (line) => {
        lines.push(line);
    });
    return lines;
};

describe('unfolding (RFC 5545 3.1)', () => {
    it.each([
        ['CRLF', 'A:1\r\nB:2\r\n'],
        ['LF', 'A:1\nB:2\n'],
        ['a lone CR', 'A:1\rB:2\r'],
        ['no final line end', 'A:1\r\nB:2'],
    ])('reads lines ended by %s', (_name, text) => expect(unfold(text)).toEqual(['A:1', 'B:2']));

    it('joins a line folded with a space or a tab, dropping exactly one whitespace character', () => {
        expect(unfold('DESCRIPTION:This is a lo\r\n ng description\r\n\t  that goes on\r\nNEXT:x\r\n')).toEqual([
            'DESCRIPTION:This is a long description  that goes on',
            'NEXT:x',
        ]);
    });

    it('joins folds with LF line ends too, and a fold in the middle of a multi-byte character', () => {
        const line = `SUMMARY:${'é'.repeat(60)}`;
        const folded = fold(line, '\n');
        expect(folded.split('\n').length).toBeGreaterThan(1);
        expect(unfold(folded)).toEqual([line]);
    });

    it('skips empty lines and a continuation before any line', () => {
        expect(unfold('\r\n continuation\r\nA:1\r\n\r\n\r\nB:2')).toEqual(['continuation', 'A:1', 'B:2']);
    });

    it('stops when the visitor says so', () => {
        const seen: string[] = [];
        forEachUnfoldedLine('A:1\nB:2\nC:3', (line) => {
            seen.push(line);
            return line !== 'B:2';
        });
        expect(seen).toEqual(['A:1', 'B:2']);
    });

    it('joins 100,000 folds of one line in one pass', () => {
        const text = `X-LONG:a${'\r\n b'.repeat(100_000)}\r\nEND:VCALENDAR`;
        const lines = unfold(text);
        expect(lines).toHaveLength(2);
        expect(lines[0]).toHaveLength('X-LONG:a'.length + 100_000);
    });
});

describe('content lines', () => {
    it('splits name, parameters and value; names upper case; the value keeps its colons', () => {
        expect(parseContentLine('dtstart;tzid=Europe/Berlin:20260302T090000')).toEqual({
            name: 'DTSTART',
            params: { TZID: 'Europe/Berlin' },
            value: '20260302T090000',
        });
        expect(parseContentLine('URL:https://example.com:8443/x?a=b')).toEqual({ name: 'URL', params: {}, value: 'https://example.com:8443/x?a=b' });
    });

    it('reads quoted parameter values holding : ; and , and lists of values', () => {
        expect(parseContentLine('X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS="1 Main St; NY";X-TITLE="Room: 4, east":geo:40.7,-74.0')).toEqual({
            name: 'X-APPLE-STRUCTURED-LOCATION',
            params: { VALUE: 'URI', 'X-ADDRESS': '1 Main St; NY', 'X-TITLE': 'Room: 4, east' },
            value: 'geo:40.7,-74.0',
        });
        expect(parseContentLine('ATTENDEE;DELEGATED-TO="mailto:a@x","mailto:b@x";CN=A:mailto:c@x')?.params['DELEGATED-TO']).toBe('mailto:a@x,mailto:b@x');
        expect(parseContentLine('DTSTART;TZID="W. Europe Standard Time":20260302T090000')?.params.TZID).toBe('W. Europe Standard Time');
    });

    it("decodes RFC 6868 carets in parameter values (^n, ^^, ^')", () => {
        expect(decodeParamValue("a^nb^^c^'d^x")).toBe('a\nb^c"d^x');
        expect(parseContentLine("X-A;X-P=^'quoted^':v")?.params['X-P']).toBe('"quoted"');
    });

    it('keeps the first of a repeated parameter', () => expect(parseContentLine('DTSTART;TZID=A;TZID=B:1')?.params.TZID).toBe('A'));

    it.each([
        ['no colon', 'DTSTART'],
        ['an empty name', ':value'],
        ['a bad name', 'DT START:x'],
        ['an unclosed quote', 'A;P="open:value'],
        ['a parameter without =', 'A;P:value'],
        ['an empty parameter name', 'A;=x:value'],
        ['a quote inside an unquoted value', 'A;P=x"y:value'],
        ['markup', '<html><body>Sign in</body></html>'],
    ])('is not a content line: %s', (_name, line) => expect(parseContentLine(line)).toBeUndefined());

    it('reads the name alone quickly, for lines the parser drops', () => {
        expect(contentLineName('ATTENDEE;CN=x:mailto:y')).toBe('ATTENDEE');
        expect(contentLineName('summary:x')).toBe('SUMMARY');
        expect(contentLineName('no-colon')).toBeUndefined();
    });
});

describe('TEXT values (RFC 5545 3.3.11)', () => {
    it.each([
        ['\\n', 'a\\nb', 'a\nb'],
        ['\\N', 'a\\Nb', 'a\nb'],
        ['\\,', 'a\\, b', 'a, b'],
        ['\\;', 'a\\; b', 'a; b'],
        ['\\\\', 'C:\\\\path', 'C:\\path'],
        ['\\\\n is a backslash and an n', 'a\\\\nb', 'a\\nb'],
        ['an unknown escape stays', 'a\\:b', 'a\\:b'],
        ['a trailing backslash stays', 'a\\', 'a\\'],
    ])('%s', (_name, raw, text) => expect(unescapeText(raw)).toBe(text));
});
