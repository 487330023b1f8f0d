/**
 * When a recurring job runs next. Like Agenda (what Rocket.Chat's scheduler uses), an interval is
 * a number of milliseconds, a human interval ("30 seconds", "5 minutes", "1 hour") or a cron
 * expression (5 fields, or 6 with seconds first).
 */
const UNITS: Record<string, number> = {
    ms: 1,
    millisecond: 1,
    second: 1000,
    sec: 1000,
    minute: 60_000,
    min: 60_000,
    hour: 3_600_000,
    day: 86_400_000,
    week: 604_800_000,
};

export function humanIntervalMs(interval: string | number): number | undefined {
    if (typeof interval === 'number') {
        return interval > 0 ? interval : undefined;
    }
    const text = interval.trim().toLowerCase();
    if (/^\d+$/.test(text)) {
        return Number(text) > 0 ? Number(text) : undefined;
    }
    let total = 0;
    let matched = false;
    const re = /(\d+(?:\.\d+)?|an?|one|two|three|five|ten)\s*(milliseconds?|ms|seconds?|secs?|minutes?|mins?|hours?|days?|weeks?)/g;
    const words: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, five: 5, ten: 10 };
    for (const m of text.matchAll(re)) {
        const n = words[m[1]] ?? Number(m[1]);
        const unit = m[2].replace(/s$/, '');
        const ms = UNITS[unit];
        if (!ms) return undefined;
        total += n * ms;
        matched = true;
    }
    return matched && total > 0 ? total : undefined;
}

function parseField(field: string, min: number, max: number): Set<number> | undefined {
    const values = new Set<number>();
    for (const part of field.split(',')) {
        const [range, stepText] = part.split('/');
        const step = stepText ? Number(stepText) : 1;
        if (!Number.isInteger(step) || step < 1) return undefined;
        let from = min;
        let to = max;
        if (range !== '*') {
            const [a, b] = range.split('-');
            from = Number(a);
            to = b === undefined ? (stepText ? max : from) : Number(b);
        }
        if (!Number.isInteger(from) || !Number.isInteger(to) || from < min || to > max || from > to) return undefined;
        for (let v = from; v <= to; v += step) values.add(v);
    }
    return values;
}

export function isCron(interval: string): boolean {
    const fields = interval.trim().split(/\s+/);
    return (fields.length === 5 || fields.length === 6) && fields.every((f) => /^[\d*,/-]+$/.test(f));
}

export function nextCronRun(expression: string, after: Date): Date | undefined {
    let fields = expression.trim().split(/\s+/);
    const withSeconds = fields.length === 6;
    if (!withSeconds) fields = ['0', ...fields];
    const ranges: Array<[number, number]> = [
        [0, 59],
        [0, 59],
        [0, 23],
        [1, 31],
        [1, 12],
        [0, 7],
    ];
    const sets = fields.map((f, i) => parseField(f, ranges[i][0], ranges[i][1]));
    if (sets.some((s) => !s)) return undefined;
    const [sec, min, hour, dom, mon, dow] = sets as Array<Set<number>>;
    if (dow.has(7)) dow.add(0);
    const t = new Date(after.getTime());
    t.setMilliseconds(0);
    t.setSeconds(t.getSeconds() + 1);
    const limit = after.getTime() + 366 * 86_400_000;
    while (t.getTime() <= limit) {
        if (!mon.has(t.getMonth() + 1) || !dom.has(t.getDate()) || !dow.has(t.getDay())) {
            t.setDate(t.getDate() + 1);
            t.setHours(0, 0, 0, 0);
            continue;
        }
        if (!hour.has(t.getHours())) {
            t.setHours(t.getHours() + 1, 0, 0, 0);
            continue;
        }
        if (!min.has(t.getMinutes())) {
            t.setMinutes(t.getMinutes() + 1, 0, 0);
            continue;
        }
        if (!sec.has(t.getSeconds())) {
            t.setSeconds(t.getSeconds() + 1, 0);
            continue;
        }
        return t;
    }
    return undefined;
}

export function nextRun(interval: string | number, after: Date): Date | undefined {
    if (typeof interval === 'string' && isCron(interval)) {
        return nextCronRun(interval, after);
    }
    const ms = humanIntervalMs(interval);
    return ms === undefined ? undefined : new Date(after.getTime() + ms);
}
