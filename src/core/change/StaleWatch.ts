/**
 * How long this process has seen something stay as it is, by its own clock only: a change left by
 * a writer that died is recognised when one instance has watched it unchanged for long enough, so
 * no two instances' clocks need to agree. A process that starts sees everything anew (it waits a
 * whole period before it takes anything over). `at` is the watcher's own clock, in ms.
 */
export class StaleWatch {
    private readonly firstSeen = new Map<string, number>();

    /**
     * Notes what is there now, forgets what is gone. A key `<group>|<part>` (a part of something,
     * e.g. a takeover of a change) is kept while its group is there.
     */
    public observe(keys: ReadonlyArray<string>, at: number): void {
        const present = new Set(keys);
        for (const key of [...this.firstSeen.keys()]) {
            if (!present.has(key.split('|')[0])) {
                this.firstSeen.delete(key);
            }
        }
        for (const key of present) {
            this.age(key, at);
        }
    }

    /** How long a key has been seen (0 the first time). */
    public age(key: string, at: number): number {
        const first = this.firstSeen.get(key);
        if (first === undefined) {
            this.firstSeen.set(key, at);
            return 0;
        }
        return at - first;
    }

    public forget(key: string): void {
        this.firstSeen.delete(key);
    }

    public get size(): number {
        return this.firstSeen.size;
    }
}
