import { compactOwn, countOnline, mergeObservations } from '../../../src/core/presence/OnlineEstimate';
import { RefreshThrottle } from '../../../src/core/concurrency/RefreshThrottle';

describe('the estimate of users online over several instances', () => {
    it('takes the latest observation of each user', () => {
        const merged = mergeObservations([{ a: [true, 1], b: [true, 2] }, { a: [false, 3], c: [true, 1] }, { b: [false, 1] }]);
        expect(Object.fromEntries(merged)).toEqual({ a: [false, 3], b: [true, 2], c: [true, 1] });
        expect(countOnline(merged)).toBe(2);
    });

    it('counts a user seen on two instances once', () => {
        expect(countOnline(mergeObservations([{ a: [true, 1] }, { a: [true, 2] }]))).toBe(1);
    });

    it("an instance drops its online observation that another's newer offline one overrides", () => {
        expect(compactOwn({ a: [true, 1], b: [true, 5] }, [{ a: [false, 2], b: [false, 3] }])).toEqual({ b: [true, 5] });
    });

    it('an offline observation stays only while it overrides an older online one elsewhere', () => {
        expect(compactOwn({ a: [false, 5], b: [false, 5], c: [false, 5] }, [{ a: [true, 1], b: [true, 9] }])).toEqual({ a: [false, 5] });
    });
});

describe('RefreshThrottle', () => {
    /** a clock the test moves by hand; sleeping resolves when the time comes */
    function clock() {
        let now = 0;
        const sleepers: Array<{ until: number; wake: () => void }> = [];
        return {
            now: () => now,
            sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ until: now + ms, wake })),
            async advance(ms: number) {
                now += ms;
                for (const s of sleepers.filter((x) => x.until <= now)) {
                    sleepers.splice(sleepers.indexOf(s), 1);
                    s.wake();
                }
                await new Promise((resolve) => setImmediate(resolve));
            },
        };
    }

    it('runs at once, then at most once per interval, and a request meanwhile is covered by one trailing run', async () => {
        const c = clock();
        const throttle = new RefreshThrottle(1000, c);
        const runs: number[] = [];
        const refresh = async () => void runs.push(c.now());
        await throttle.request(refresh);
        expect(runs).toEqual([0]);
        const second = throttle.request(refresh);
        const third = throttle.request(refresh);
        await third;
        await c.advance(400);
        expect(runs).toEqual([0]);
        await c.advance(600);
        await second;
        expect(runs).toEqual([0, 1000]);
        await c.advance(5000);
        await throttle.request(refresh);
        expect(runs).toEqual([0, 1000, 6000]);
    });

    it('a request during a run is covered by a run after it', async () => {
        const c = clock();
        const throttle = new RefreshThrottle(1000, c);
        let release: () => void = () => undefined;
        const runs: string[] = [];
        const first = throttle.request(() => new Promise<void>((resolve) => ((release = resolve), runs.push('first'))));
        const during = throttle.request(async () => void runs.push('trailing'));
        release();
        await first;
        await c.advance(1000);
        await during;
        expect(runs).toEqual(['first', 'trailing']);
    });

    it("a failing run rejects its starter's promise only, and the next request runs again", async () => {
        const c = clock();
        const throttle = new RefreshThrottle(1000, c);
        await expect(throttle.request(async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
        await c.advance(1000);
        const runs: number[] = [];
        await throttle.request(async () => void runs.push(c.now()));
        expect(runs).toEqual([1000]);
    });
});
