/**
 * The calendar core's cost, without the engine (src/core/calendar is pure):
 * - `calendar.parse_expand_ms`: a 2 MB feed of 2,000 events in Google's shape (recurring meetings in
 *   several zones, Windows zone names, overrides, exceptions, all-day and free events, attendees and
 *   descriptions as real feeds carry them) parsed and turned into the 14-day busy blocks; median of
 *   BENCH_CALENDAR_RUNS runs after 3 warm-up runs, with the parse and the expansion apart;
 * - `calendar.hostile_ms`: a feed of 2,000 rules built to expand forever (the caps end it);
 * - `calendar.reads.max_per_minute`: 10,000 feeds on a 10-minute interval, each read only at its slot
 *   (feedPolicy.ts), over an hour of minutes: the most feeds read in one minute, and the fewest.
 */
import { busyBlocks } from '../src/core/calendar/busyBlocks';
import { isFeedSlot } from '../src/core/calendar/feedPolicy';
import { parseIcs } from '../src/core/calendar/icsParser';
import { ianaZone, Zone } from '../src/core/calendar/zones';
import { summary } from './lib/summary';

const RUNS = Number(process.env.BENCH_CALENDAR_RUNS ?? 20);
const NOW = Date.UTC(2026, 2, 23, 6);
const TARGET_BYTES = 2 * 1024 * 1024 - 4096;
const EVENTS = 2000;

const ZONES = ['Europe/Berlin', 'America/New_York', 'W. Europe Standard Time', 'Pacific Standard Time', 'Asia/Tokyo', 'Europe/London'];
const RULES = [
    'FREQ=WEEKLY;BYDAY=MO,WE,FR',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
    'FREQ=DAILY;COUNT=400',
    'FREQ=MONTHLY;BYDAY=2TH',
    'FREQ=WEEKLY;UNTIL=20270101T000000Z;BYDAY=TH',
    'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=25',
];

/** Folds at 75 octets as Google does. */
function fold(line: string): string {
    const parts: string[] = [];
    for (let i = 0; i < line.length; i += i === 0 ? 75 : 74) {
        parts.push(line.slice(i, i + (i === 0 ? 75 : 74)));
    }
    return parts.join('\r\n ');
}

const pad2 = (n: number) => String(n).padStart(2, '0');
function stamp(ms: number): string {
    const d = new Date(ms);
    return `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}00`;
}

function feed(perEvent: number): string {
    const lines = ['BEGIN:VCALENDAR', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', 'VERSION:2.0', 'METHOD:PUBLISH', 'X-WR-TIMEZONE:Europe/Berlin'];
    const events: string[][] = [];
    for (let i = 0; i < EVENTS; i++) {
        const zone = ZONES[i % ZONES.length];
        // starts spread over the last two years and the next two weeks, on quarter hours
        const start = NOW - 730 * 86_400_000 + Math.floor((i * 7919) % 744) * 86_400_000 + (8 + (i % 9)) * 3_600_000 + (i % 4) * 900_000;
        const uid = `${(i * 2654435761) >>> 0}-${i}@google.com`;
        const times = [`DTSTART;TZID=${zone}:${stamp(start)}`, `DTEND;TZID=${zone}:${stamp(start + (30 + (i % 3) * 30) * 60_000)}`];
        const event = ['BEGIN:VEVENT', ...times];
        const kind = i % 10;
        if (kind < 6) {
            event.push(`RRULE:${RULES[i % RULES.length]}`);
            if (kind === 1) {
                event.push(`EXDATE;TZID=${zone}:${stamp(start + 7 * 86_400_000)}`);
            }
        } else if (kind === 6) {
            event.splice(
                1,
                2,
                `DTSTART;VALUE=DATE:${stamp(NOW + (i % 14) * 86_400_000).slice(0, 8)}`,
                `DTEND;VALUE=DATE:${stamp(NOW + ((i % 14) + 1) * 86_400_000).slice(0, 8)}`,
            );
            event.push(i % 20 === 6 ? 'X-MICROSOFT-CDO-BUSYSTATUS:OOF' : 'TRANSP:TRANSPARENT');
        } else if (kind === 7) {
            event.push('TRANSP:TRANSPARENT');
        }
        event.push(`UID:${uid}`, 'DTSTAMP:20260301T101010Z', `CREATED:${stamp(start - 86_400_000)}Z`, 'STATUS:CONFIRMED', 'SEQUENCE:0');
        for (let a = 0; a < 4; a++) {
            event.push(
                `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Person ${i}-${a};X-NUM-GUESTS=0:mailto:person${i}.${a}@example.com`,
            );
        }
        event.push(`SUMMARY:Meeting number ${i} about the quarterly plan`, `LOCATION:Room ${i % 40}\\, Building ${i % 7}`);
        events.push(event);
        if (kind === 0 && i % 20 === 0) {
            // an override of the series' next instance, moved by an hour
            events.push([
                'BEGIN:VEVENT',
                `UID:${uid}`,
                `RECURRENCE-ID;TZID=${zone}:${stamp(start + 2 * 86_400_000)}`,
                `DTSTART;TZID=${zone}:${stamp(start + 2 * 86_400_000 + 3_600_000)}`,
                `DTEND;TZID=${zone}:${stamp(start + 2 * 86_400_000 + 5_400_000)}`,
            ]);
        }
    }
    for (let i = 0; i < EVENTS; i++) {
        const text = `Agenda:\\n${'Review the numbers\\, decide\\; follow up. '.repeat(Math.ceil(perEvent / 40))}`.slice(0, perEvent);
        events[i].push(`DESCRIPTION:${text}`);
    }
    for (const event of events) {
        lines.push(...event, 'END:VEVENT');
    }
    lines.push('END:VCALENDAR');
    return lines.map(fold).join('\r\n') + '\r\n';
}

/** The feed with descriptions (long agendas, meeting links) as long as fills it up to 2 MB. */
function feedOf2Mb(): string {
    let perEvent = 0;
    let text = feed(perEvent);
    for (let i = 0; i < 6; i++) {
        perEvent = Math.max(0, perEvent + Math.floor(((TARGET_BYTES - Buffer.byteLength(text, 'utf8')) / EVENTS) * (74 / 77)));
        text = feed(perEvent);
    }
    return text;
}

function hostileFeed(): string {
    const lines = ['BEGIN:VCALENDAR'];
    for (let i = 0; i < EVENTS; i++) {
        lines.push(
            'BEGIN:VEVENT',
            `UID:h${i}`,
            'DTSTART:00010101T090000Z',
            'DURATION:PT1H',
            'RRULE:FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYDAY=MO,TU,WE,TH,FR,SA,SU;COUNT=999999999',
            'END:VEVENT',
        );
    }
    lines.push('END:VCALENDAR');
    return lines.join('\r\n');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

function measure(text: string, zone: Zone): { parse: number; expand: number; blocks: number; events: number } {
    const t0 = process.hrtime.bigint();
    const parsed = parseIcs(text);
    const parse = ms(t0);
    if (!parsed.ok) {
        throw new Error(`the bench feed did not parse: ${parsed.error.code}`);
    }
    const t1 = process.hrtime.bigint();
    const result = busyBlocks({ calendar: parsed.value, now: NOW, userZone: zone });
    return { parse, expand: ms(t1), blocks: result.blocks.length, events: parsed.value.events.length };
}

function main(): void {
    const zone = ianaZone('Europe/Berlin') as Zone;
    const text = feedOf2Mb();
    const bytes = Buffer.byteLength(text, 'utf8');
    const runs: Array<ReturnType<typeof measure>> = [];
    for (let run = -3; run < RUNS; run++) {
        const sample = measure(text, zone);
        if (run >= 0) {
            runs.push(sample);
        }
    }
    const totals = runs.map((r) => r.parse + r.expand);
    process.stdout.write(
        `feed: ${bytes} bytes, ${runs[0].events} VEVENTs (${EVENTS} events and their overrides), ${runs[0].blocks} busy blocks in 14 days once merged\n`,
    );
    summary(
        'calendar.parse_expand_ms',
        median(totals),
        ['parse_ms', median(runs.map((r) => r.parse))],
        ['expand_ms', median(runs.map((r) => r.expand))],
        ['worst_ms', Math.max(...totals)],
        ['events', String(EVENTS)],
        ['bytes', String(bytes)],
        ['merged_blocks', String(runs[0].blocks)],
    );

    const hostile = hostileFeed();
    const hostileRuns = Array.from({ length: 3 }, () => {
        const sample = measure(hostile, zone);
        return sample.parse + sample.expand;
    });
    summary('calendar.hostile_ms', median(hostileRuns), ['rules', String(EVENTS)]);

    const feeds = 10_000;
    const interval = 10;
    const ids = Array.from({ length: feeds }, (_, i) => `${((i + 1) * 2654435761) >>> 0}${i}`.padStart(17, 'x'));
    const perMinute: number[] = [];
    const start = Math.floor(NOW / 60_000) * 60_000;
    for (let minute = 0; minute < 60; minute++) {
        const now = start + minute * 60_000 + 15_000;
        perMinute.push(ids.filter((id) => isFeedSlot(id, interval, now)).length);
    }
    summary(
        'calendar.reads.max_per_minute',
        Math.max(...perMinute),
        ['min', Math.min(...perMinute)],
        ['mean', perMinute.reduce((a, b) => a + b, 0) / perMinute.length],
        ['feeds', String(feeds)],
        ['interval_min', String(interval)],
    );
}

main();
