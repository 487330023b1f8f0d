import { civilFromDays, DAY_MS, daysFromCivil, HOUR_MS, MINUTE_MS, weekdayOfDays } from '../../../src/core/calendar/civilDays';
import { instantOf, parseDateTimeList, parseDateTimeValue, parseIcsDuration, parseUtcOffset } from '../../../src/core/calendar/icsTime';
import { fixedZone, ianaZone, UTC_ZONE } from '../../../src/core/calendar/zones';

const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => daysFromCivil(y, mo, d) * DAY_MS + h * HOUR_MS + mi * MINUTE_MS + s * 1000;
const berlin = ianaZone('Europe/Berlin')!;

describe('calendar days', () => {
    it('agree with Date for every day from 1900 to 2100, weekdays included', () => {
        for (let days = daysFromCivil(1900, 1, 1); days <= daysFromCivil(2100, 12, 31); days += 1) {
            const date = new Date(days * DAY_MS);
            const civil = civilFromDays(days);
            const wrong =
                civil.year !== date.getUTCFullYear() ||
                civil.month !== date.getUTCMonth() + 1 ||
                civil.day !== date.getUTCDate() ||
                weekdayOfDays(days) !== date.getUTCDay() ||
                daysFromCivil(civil.year, civil.month, civil.day) !== days;
            if (wrong) {
                throw new Error(`day ${days} read as ${JSON.stringify(civil)}`);
            }
        }
        expect(civilFromDays(daysFromCivil(2100, 12, 31))).toEqual({ year: 2100, month: 12, day: 31 });
    });

    it('work for years Date.UTC reads wrong (0..99) and up to 9999', () => {
        expect(civilFromDays(daysFromCivil(1, 1, 1))).toEqual({ year: 1, month: 1, day: 1 });
        expect(civilFromDays(daysFromCivil(1601, 1, 1))).toEqual({ year: 1601, month: 1, day: 1 });
        expect(civilFromDays(daysFromCivil(9999, 12, 31))).toEqual({ year: 9999, month: 12, day: 31 });
    });
});

describe('date and time values', () => {
    it.each([
        ['UTC', '20260302T090000Z', {}, { kind: 'utc', utc: Date.UTC(2026, 2, 2, 9) }],
        ['UTC, lower case', '20260302t090000z', {}, { kind: 'utc', utc: Date.UTC(2026, 2, 2, 9) }],
        ['floating', '20260302T090000', {}, { kind: 'floating', local: local(2026, 3, 2, 9) }],
        ['in a zone', '20260302T090000', { TZID: 'Europe/Berlin' }, { kind: 'zoned', local: local(2026, 3, 2, 9), tzid: 'Europe/Berlin' }],
        ['a TZID with a UTC time is UTC', '20260302T090000Z', { TZID: 'Europe/Berlin' }, { kind: 'utc', utc: Date.UTC(2026, 2, 2, 9) }],
        ['a date', '20260302', { VALUE: 'DATE' }, { kind: 'date', day: daysFromCivil(2026, 3, 2) }],
        ['a date without VALUE', '20260302', {}, { kind: 'date', day: daysFromCivil(2026, 3, 2) }],
        ['a time without seconds', '20260302T0930', {}, { kind: 'floating', local: local(2026, 3, 2, 9, 30) }],
        ['a leap second', '20261231T235960Z', {}, { kind: 'utc', utc: Date.UTC(2026, 11, 31, 23, 59, 59) }],
        ['Feb 29 of a leap year', '20280229', {}, { kind: 'date', day: daysFromCivil(2028, 2, 29) }],
    ])('%s', (_name, value, params, expected) => expect(parseDateTimeValue(value, params)).toEqual(expected));

    it.each([
        '',
        '2026',
        '2026-03-02',
        '20260230',
        '20270229',
        '20261301',
        '20260302T240000',
        '20260302T096000',
        '20260302T0900000',
        'T090000',
        '20260302X090000',
        '２０２６０３０２',
    ])('%p is no value', (value) => expect(parseDateTimeValue(value)).toBeUndefined());

    it('reads EXDATE / RDATE lists, leaving out periods and bad values', () => {
        expect(parseDateTimeList('20260309T090000,bad,20260316T090000/PT1H,20260323T090000', { TZID: 'Europe/Berlin' })).toEqual([
            { kind: 'zoned', local: local(2026, 3, 9, 9), tzid: 'Europe/Berlin' },
            { kind: 'zoned', local: local(2026, 3, 23, 9), tzid: 'Europe/Berlin' },
        ]);
    });

    it('become instants in their zone; a date starts at midnight of the given zone', () => {
        expect(instantOf({ kind: 'utc', utc: 5 }, berlin)).toBe(5);
        expect(instantOf({ kind: 'floating', local: local(2026, 7, 1, 9) }, berlin)).toBe(Date.UTC(2026, 6, 1, 7));
        expect(instantOf({ kind: 'date', day: daysFromCivil(2026, 1, 1) }, berlin)).toBe(Date.UTC(2025, 11, 31, 23));
        expect(instantOf({ kind: 'date', day: daysFromCivil(2026, 1, 1) }, fixedZone(-5 * HOUR_MS))).toBe(Date.UTC(2026, 0, 1, 5));
    });
});

describe('durations (RFC 5545 3.3.6)', () => {
    it.each([
        ['PT1H30M', { days: 0, ms: 90 * MINUTE_MS }],
        ['PT15M', { days: 0, ms: 15 * MINUTE_MS }],
        ['P1D', { days: 1, ms: 0 }],
        ['P2W', { days: 14, ms: 0 }],
        ['P1DT12H', { days: 1, ms: 12 * HOUR_MS }],
        ['P1W2D', { days: 9, ms: 0 }],
        ['PT0S', { days: 0, ms: 0 }],
        ['+PT1H', { days: 0, ms: HOUR_MS }],
        ['-PT15M', { days: 0, ms: -15 * MINUTE_MS }],
        ['-P1D', { days: -1, ms: 0 }],
        ['pt1h', { days: 0, ms: HOUR_MS }],
        ['PT90M', { days: 0, ms: 90 * MINUTE_MS }],
    ])('%s', (text, expected) => expect(parseIcsDuration(text)).toEqual(expected));

    it.each(['', 'P', 'PT', 'P1DT', '1H', 'PT1.5H', 'P1Y', 'P1M', 'PT1H PT1M', 'P99999999D'])('%p is no duration', (text) =>
        expect(parseIcsDuration(text)).toBeUndefined(),
    );
});

describe('UTC offsets (TZOFFSETFROM / TZOFFSETTO)', () => {
    it.each([
        ['+0100', HOUR_MS],
        ['-0500', -5 * HOUR_MS],
        ['+0530', 5.5 * HOUR_MS],
        ['+0545', 5.75 * HOUR_MS],
        ['-003000', -30 * MINUTE_MS],
        ['+001730', 17 * MINUTE_MS + 30000],
    ])('%s', (text, ms) => expect(parseUtcOffset(text)).toBe(ms));
    it.each(['0100', '+1', '+2460', 'UTC', ''])('%p is none', (text) => expect(parseUtcOffset(text)).toBeUndefined());
    it('UTC itself', () => expect(UTC_ZONE.offsetAt(0)).toBe(0));
});
