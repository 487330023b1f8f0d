import { CalendarErrorCode } from '../../../src/core/calendar/calendarErrors';
import { HOUR_MS, MINUTE_MS } from '../../../src/core/calendar/civilDays';
import {
    afterRead,
    conditionalHeaders,
    feedSlot,
    FeedReadState,
    isFeedSlot,
    newFeedState,
    nextAttemptAt,
    pollMinutes,
    ReadResult,
    responseOutcome,
    retryDelayMs,
    shouldTellUser,
    slotAtOrAfter,
    validatorsOf,
} from '../../../src/core/calendar/feedPolicy';

const T0 = Date.UTC(2026, 5, 8, 6, 0, 0);
/** Ids shaped like Rocket.Chat's (17 characters of Meteor's alphabet), made deterministically. */
const meteorIds = (n: number): string[] => {
    const alphabet = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';
    let seed = 7;
    return Array.from({ length: n }, () =>
        Array.from({ length: 17 }, () => {
            seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
            return alphabet[seed % alphabet.length];
        }).join(''),
    );
};

describe('the poll interval setting', () => {
    it.each([
        [undefined, 10],
        [null, 10],
        ['', 10],
        ['abc', 10],
        [NaN, 10],
        [Infinity, 10],
        [10, 10],
        ['15', 15],
        [7.9, 7],
        [5, 5],
        [4, 5],
        [0, 5],
        [-30, 5],
        [1e9, 7 * 24 * 60],
    ])('%p reads as %p minutes', (setting, minutes) => expect(pollMinutes(setting)).toBe(minutes));
});

describe('slots spread the feeds over the interval', () => {
    it('a slot is stable and within the interval', () => {
        expect(feedSlot('user-1', 10)).toBe(feedSlot('user-1', 10));
        for (const id of meteorIds(200)) {
            const slot = feedSlot(id, 7);
            expect(slot >= 0 && slot < 7 && Number.isInteger(slot)).toBe(true);
        }
    });

    it.each([5, 10, 15, 60])('10,000 feeds over %p minutes: every minute as even as a fair random spread (within 4 standard deviations)', (minutes) => {
        for (const ids of [meteorIds(10_000), Array.from({ length: 10_000 }, (_, i) => `u${i}`)]) {
            const perMinute = new Array<number>(minutes).fill(0);
            for (const id of ids) {
                perMinute[feedSlot(id, minutes)]++;
            }
            const mean = 10_000 / minutes;
            const deviation = Math.sqrt(10_000 * (1 / minutes) * (1 - 1 / minutes));
            expect(Math.max(...perMinute.map((n) => Math.abs(n - mean)))).toBeLessThan(4 * deviation);
            expect(Math.max(...perMinute)).toBeLessThan(mean * 1.25);
        }
    });

    it('a feed is read only at its slot: once per interval, intervals apart', () => {
        const id = 'feed-42';
        const reads: number[] = [];
        for (let minute = 0; minute < 60; minute++) {
            const now = T0 + minute * MINUTE_MS + 20_000; // the job runs 20 s into each minute
            if (isFeedSlot(id, 10, now)) {
                reads.push(now);
            }
        }
        expect(reads).toHaveLength(6);
        expect(reads.slice(1).map((t, i) => t - reads[i])).toEqual(new Array(5).fill(10 * MINUTE_MS));
    });

    it('the next slot at or after an instant', () => {
        const id = 'feed-42';
        const slot = feedSlot(id, 10);
        for (const at of [T0, T0 + 1, T0 + 9 * MINUTE_MS + 59_999, T0 + 3 * HOUR_MS + 17]) {
            const next = slotAtOrAfter(id, 10, at);
            expect(next).toBeGreaterThanOrEqual(at);
            expect(next - at).toBeLessThan(10 * MINUTE_MS);
            expect((next / MINUTE_MS) % 10).toBe(slot);
        }
    });
});

describe('retries', () => {
    it('the delay doubles from the interval up to 6 hours', () => {
        expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 100].map((n) => retryDelayMs(n, 10) / MINUTE_MS)).toEqual([10, 10, 20, 40, 80, 160, 320, 360, 360, 360]);
        expect([1, 2, 3].map((n) => retryDelayMs(n, 240) / MINUTE_MS)).toEqual([240, 360, 360]);
    });

    it('an interval longer than 6 hours is never shortened by a retry', () => {
        expect([1, 2, 5].map((n) => retryDelayMs(n, 600) / MINUTE_MS)).toEqual([600, 600, 600]);
    });

    it('the next attempt is on the slot, no earlier than the delay (less a late-running minute), no later than 6 hours', () => {
        const id = 'feed-7';
        for (let failures = 0; failures < 12; failures++) {
            for (const late of [0, 20_000, 59_000]) {
                const last = slotAtOrAfter(id, 10, T0) + late;
                const next = nextAttemptAt(id, 10, last, failures);
                expect((next / MINUTE_MS) % 10).toBe(feedSlot(id, 10));
                expect(next - last).toBeGreaterThanOrEqual(retryDelayMs(failures, 10) - MINUTE_MS);
                expect(next - last).toBeLessThanOrEqual(6 * HOUR_MS);
            }
        }
        // read on its slot, the next good read is exactly one interval later
        const onSlot = slotAtOrAfter(id, 10, T0);
        expect(nextAttemptAt(id, 10, onSlot + 5_000, 0)).toBe(onSlot + 10 * MINUTE_MS);
    });

    it('the user is told exactly once, at the third failure in a row', () => {
        expect([0, 1, 2, 3, 4, 5, 6, 30].map(shouldTellUser)).toEqual([false, false, false, true, false, false, false, false]);
    });
});

describe('the state of a feed across reads', () => {
    const id = 'feed-9';
    const failed: ReadResult = { kind: 'failed', error: { code: CalendarErrorCode.Http, params: { status: 503 } } };

    function run(results: ReadResult[]): { states: FeedReadState[]; told: number[] } {
        let state = newFeedState(T0);
        const states: FeedReadState[] = [];
        const told: number[] = [];
        results.forEach((result, i) => {
            const next = afterRead(state, result, state.nextReadAt, id, 10);
            state = next.state;
            states.push(state);
            if (next.tellUser) {
                told.push(i);
            }
        });
        return { states, told };
    }

    it('a new feed is read at once', () => expect(newFeedState(T0)).toEqual({ failures: 0, nextReadAt: T0, validators: {} }));

    it('told once per streak of failures, at its third; a good read ends the streak', () => {
        const changed: ReadResult = { kind: 'changed', validators: { etag: '"v1"' } };
        const { states, told } = run([failed, failed, failed, failed, failed, changed, failed, failed, failed]);
        expect(states.map((s) => s.failures)).toEqual([1, 2, 3, 4, 5, 0, 1, 2, 3]);
        expect(told).toEqual([2, 8]);
        expect(states[4].lastError).toEqual(failed.kind === 'failed' && failed.error);
        expect(states[5].lastError).toBeUndefined();
    });

    it('waits longer after each failure in a row', () => {
        const { states } = run([failed, failed, failed, failed]);
        const gaps = states.slice(1).map((s, i) => s.nextReadAt - states[i].nextReadAt);
        expect(gaps.map((g) => g / MINUTE_MS)).toEqual([20, 40, 80]);
    });

    it('keeps the validators of the last good read: a failure does not replace them, a 304 keeps them, a new body replaces them', () => {
        const { states } = run([
            { kind: 'changed', validators: { etag: '"v1"', lastModified: 'Mon, 08 Jun 2026 06:00:00 GMT' } },
            { kind: 'unchanged' },
            failed,
            { kind: 'changed', validators: { etag: '"v2"' } },
        ]);
        expect(states.map((s) => s.validators)).toEqual([
            { etag: '"v1"', lastModified: 'Mon, 08 Jun 2026 06:00:00 GMT' },
            { etag: '"v1"', lastModified: 'Mon, 08 Jun 2026 06:00:00 GMT' },
            { etag: '"v1"', lastModified: 'Mon, 08 Jun 2026 06:00:00 GMT' },
            { etag: '"v2"' },
        ]);
        expect(states[1].lastReadAt).toBe(states[0].nextReadAt);
        expect(states[2].lastReadAt).toBe(states[1].lastReadAt);
    });
});

describe('conditional requests', () => {
    it('send back the validators of the last good read', () => {
        expect(conditionalHeaders({ etag: 'W/"abc"', lastModified: 'Mon, 08 Jun 2026 06:00:00 GMT' })).toEqual({
            'If-None-Match': 'W/"abc"',
            'If-Modified-Since': 'Mon, 08 Jun 2026 06:00:00 GMT',
        });
        expect(conditionalHeaders({})).toEqual({});
    });

    it('read validators in any case, first of a list; never ones that could break a request', () => {
        expect(validatorsOf({ ETag: '"x"', 'last-modified': ['Mon, 08 Jun 2026 06:00:00 GMT', 'other'], 'Content-Type': 'text/calendar' })).toEqual({
            etag: '"x"',
            lastModified: 'Mon, 08 Jun 2026 06:00:00 GMT',
        });
        expect(validatorsOf({ etag: '"x"\r\nX-Injected: 1', 'Last-Modified': 'y'.repeat(600) })).toEqual({});
        expect(validatorsOf(undefined)).toEqual({});
        expect(conditionalHeaders({ etag: 'a\nb' })).toEqual({});
    });

    it('what a response means before its body is read', () => {
        expect(responseOutcome(304)).toBe('unchanged');
        expect(responseOutcome(200)).toBe('body');
        expect(responseOutcome(203)).toBe('body');
        expect(responseOutcome(404)).toEqual({ code: CalendarErrorCode.Http, params: { status: 404 } });
        expect(responseOutcome(500)).toEqual({ code: CalendarErrorCode.Http, params: { status: 500 } });
        expect(responseOutcome(301)).toEqual({ code: CalendarErrorCode.Http, params: { status: 301 } });
    });
});
