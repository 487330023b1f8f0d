/**
 * Calendar arithmetic on "local" numbers: a wall-clock date and time written as milliseconds as if
 * it were UTC (`days * DAY_MS + msOfDay`, day 0 = 1970-01-01, proleptic Gregorian). Pure integer
 * arithmetic (H. Hinnant's civil-day algorithms), so years 0..9999 work where `Date.UTC` would read
 * 0..99 as 1900..1999. Which instant a local number is depends on a zone (zones.ts).
 */
// bound once: looking `Math` up on every call is slow where code runs in a vm context (jest)
const floor = Math.floor;

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export interface CivilDate {
    year: number;
    /** 1..12 */
    month: number;
    /** 1..31 */
    day: number;
}

/** Days since 1970-01-01 of a Gregorian date (no range check). */
export function daysFromCivil(year: number, month: number, day: number): number {
    const y = month <= 2 ? year - 1 : year;
    const era = floor(y / 400);
    const yearOfEra = y - era * 400;
    const monthFromMarch = (month + 9) % 12;
    const dayOfYear = floor((153 * monthFromMarch + 2) / 5) + day - 1;
    const dayOfEra = yearOfEra * 365 + floor(yearOfEra / 4) - floor(yearOfEra / 100) + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

export function civilFromDays(days: number): CivilDate {
    const z = days + 719468;
    const era = floor(z / 146097);
    const dayOfEra = z - era * 146097;
    const yearOfEra = floor((dayOfEra - floor(dayOfEra / 1460) + floor(dayOfEra / 36524) - floor(dayOfEra / 146096)) / 365);
    const dayOfYear = dayOfEra - (365 * yearOfEra + floor(yearOfEra / 4) - floor(yearOfEra / 100));
    const monthFromMarch = floor((5 * dayOfYear + 2) / 153);
    const day = dayOfYear - floor((153 * monthFromMarch + 2) / 5) + 1;
    const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
    return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** 0 = Sunday .. 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDays(days: number): number {
    return (((days + 4) % 7) + 7) % 7;
}

export function isValidDate(year: number, month: number, day: number): boolean {
    return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The day number of a local number. */
export function dayOf(local: number): number {
    return floor(local / DAY_MS);
}

/** `YYYY-MM-DD` of a day number. */
export function formatDays(days: number): string {
    const { year, month, day } = civilFromDays(days);
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
