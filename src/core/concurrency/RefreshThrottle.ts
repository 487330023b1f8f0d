/**
 * Runs a refresh at most once per interval, and never misses a request: a request within the
 * interval of the last run is covered by one trailing run at the end of the interval (shared by
 * every request made meanwhile). The caller whose request starts a run waits for it; the others
 * return at once (their request is covered by a run that starts after it).
 */
export interface ThrottleClock {
    now(): number;
    sleep(ms: number): Promise<void>;
}

const systemClock: ThrottleClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class RefreshThrottle {
    private lastStart = Number.NEGATIVE_INFINITY;
    private running?: Promise<void>;
    private trailing = false;

    constructor(
        private readonly intervalMs: number,
        private readonly clock: ThrottleClock = systemClock,
    ) {}

    /**
     * Asks for a run of `refresh`. Resolves when the run this request started has finished, or at
     * once when a run already planned covers it. A failing run rejects only its starter's promise.
     */
    public async request(refresh: () => Promise<void>): Promise<void> {
        if (this.trailing) {
            return;
        }
        if (this.running) {
            // a run is in progress: one trailing run after it covers this request
            this.trailing = true;
            const current = this.running;
            await current.catch(() => undefined);
            return this.runTrailing(refresh);
        }
        const wait = this.lastStart + this.intervalMs - this.clock.now();
        if (wait > 0) {
            this.trailing = true;
            await this.clock.sleep(wait);
            return this.runTrailing(refresh);
        }
        return this.start(refresh);
    }

    private async runTrailing(refresh: () => Promise<void>): Promise<void> {
        const wait = this.lastStart + this.intervalMs - this.clock.now();
        if (wait > 0) {
            await this.clock.sleep(wait);
        }
        this.trailing = false;
        if (this.running) {
            // someone started a run meanwhile (a forced one): it covers this request
            return;
        }
        return this.start(refresh);
    }

    private async start(refresh: () => Promise<void>): Promise<void> {
        this.lastStart = this.clock.now();
        const run = refresh();
        this.running = run;
        try {
            await run;
        } finally {
            if (this.running === run) {
                this.running = undefined;
            }
        }
    }
}
