import { BLOCK_STATUS_KEYS, blockStatusText } from '../../../src/core/calendar/blockStatusText';
import { CALENDAR_ERROR_CODES, calendarAppError, calendarError, calendarErrorReason, CalendarErrorCode } from '../../../src/core/calendar/calendarErrors';
import { fixedZone, ianaZone, Zone } from '../../../src/core/calendar/zones';
import { errorText } from '../../../src/core/AppError';
import { CALENDAR_MESSAGES, CalendarMessageKey } from '../../../src/i18n/calendarMessages';
import { translator } from '../../../src/i18n/translate';

const LANGUAGES = ['en', 'pt-BR', 'de', 'es'];
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('the calendar catalog', () => {
    const en = CALENDAR_MESSAGES.en;

    it('every language has every key, none empty, with the same placeholders as English', () => {
        for (const language of LANGUAGES) {
            const messages = CALENDAR_MESSAGES[language] ?? {};
            expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
            for (const key of Object.keys(en) as CalendarMessageKey[]) {
                expect((messages[key] ?? '').trim()).not.toBe('');
                expect([language, key, placeholders(messages[key] ?? '')]).toEqual([language, key, placeholders(en[key])]);
            }
        }
    });

    it('has a line for every status text the core picks and every error code it makes', () => {
        expect(Object.keys(en).sort()).toEqual([...BLOCK_STATUS_KEYS, ...CALENDAR_ERROR_CODES, 'calendar_feed_failing'].sort());
    });

    it('German says "Sie", never "du"; Spanish says "tú", never "usted"', () => {
        expect(Object.values(CALENDAR_MESSAGES.de ?? {}).join('\n')).not.toMatch(/\b(du|dein|deine|dich|dir)\b/i);
        expect(Object.values(CALENDAR_MESSAGES.es ?? {}).join('\n')).not.toMatch(/\b(usted|ustedes)\b/i);
    });

    it('every status text fits a Rocket.Chat status message (120 characters) in every language', () => {
        for (const language of LANGUAGES) {
            const t = translator(CALENDAR_MESSAGES, language);
            for (const key of BLOCK_STATUS_KEYS) {
                expect(t(key, { time: '23:59', date: '2026-12-31' }).length).toBeLessThanOrEqual(120);
            }
        }
    });

    it('picks the language as the other catalogs do (pt → pt-BR, de-AT → de, else English)', () => {
        expect(translator(CALENDAR_MESSAGES, 'pt')('calendar_in_meeting_until', { time: '15:30' })).toBe('Em reunião até 15:30');
        expect(translator(CALENDAR_MESSAGES, 'de-AT')('calendar_in_meeting_until', { time: '15:30' })).toBe('In einer Besprechung bis 15:30 Uhr');
        expect(translator(CALENDAR_MESSAGES, 'fr')('calendar_in_meeting_until', { time: '15:30' })).toBe('In a meeting until 15:30');
    });
});

describe('error values', () => {
    it('carry a code and, for adapters answering like Rocket.Chat, an English reason', () => {
        expect(calendarErrorReason(calendarError(CalendarErrorCode.Http, { status: 404 }))).toBe('The feed answered HTTP 404');
        expect(errorText(calendarAppError(calendarError(CalendarErrorCode.HostNotAllowed, { host: 'evil.example' })))).toBe(
            'Calendar feeds from evil.example are not allowed on this workspace [error-calendar-host-not-allowed]',
        );
        for (const code of CALENDAR_ERROR_CODES) {
            expect(calendarErrorReason({ code, params: { host: 'h', status: 1, limit: '2 MB', seconds: 10 } })).not.toMatch(/undefined|\{/);
        }
    });
});

describe("a block's status text, in the user's zone", () => {
    const berlin = ianaZone('Europe/Berlin') as Zone;
    const t = translator(CALENDAR_MESSAGES, 'en');
    const say = (start: string, end: string, kind: 'busy' | 'ooo', zone: Zone = berlin, at?: string) => {
        const block = { start: Date.parse(start), end: Date.parse(end), kind };
        const text = blockStatusText(block, zone, at ? Date.parse(at) : block.start);
        return t(text.key, text.params);
    };

    it.each([
        ['a meeting ending today', ['2026-06-08T12:00:00Z', '2026-06-08T13:30:00Z', 'busy'], 'In a meeting until 15:30'],
        ['a meeting ending tomorrow', ['2026-06-08T20:00:00Z', '2026-06-09T07:00:00Z', 'busy'], 'In a meeting until 2026-06-09 09:00'],
        [
            'a meeting begun yesterday, read today',
            ['2026-06-07T20:00:00Z', '2026-06-08T07:00:00Z', 'busy', undefined, '2026-06-08T05:00:00Z'],
            'In a meeting until 09:00',
        ],
        ['whole busy days', ['2026-06-07T22:00:00Z', '2026-06-09T22:00:00Z', 'busy'], 'Busy until 2026-06-09'],
        ['out of office for some hours', ['2026-06-08T08:00:00Z', '2026-06-08T14:00:00Z', 'ooo'], 'Out of office until 16:00'],
        ['out of office until another day, at a time', ['2026-06-08T08:00:00Z', '2026-06-10T10:00:00Z', 'ooo'], 'Out of office until 2026-06-10 12:00'],
        ['out of office for whole days names the last one', ['2026-06-11T22:00:00Z', '2026-06-13T22:00:00Z', 'ooo'], 'Out of office until 2026-06-13'],
        [
            'in UTC-5, the same block ends at another local time',
            ['2026-06-08T12:00:00Z', '2026-06-08T13:30:00Z', 'busy', fixedZone(-5 * 3600_000)],
            'In a meeting until 08:30',
        ],
    ] as Array<[string, [string, string, 'busy' | 'ooo', Zone?, string?], string]>)('%s', (_name, [start, end, kind, zone, at], expected) =>
        expect(say(start, end, kind, zone, at)).toBe(expected),
    );
});
