/**
 * An in-process async mutex per key: tasks with the same key run one after another, others in
 * parallel. One copy of the app in its Deno process receives concurrent requests; the writes
 * that must see each other's result (creating or renaming to one name) go through it.
 */
export class KeyedMutex {
    private readonly tails = new Map<string, Promise<unknown>>();

    public async run<T>(key: string, task: () => Promise<T>): Promise<T> {
        const previous = this.tails.get(key) ?? Promise.resolve();
        const result = previous.then(task, task);
        const tail = result.then(
            () => undefined,
            () => undefined,
        );
        this.tails.set(key, tail);
        try {
            return await result;
        } finally {
            if (this.tails.get(key) === tail) {
                this.tails.delete(key);
            }
        }
    }

    /** Runs under several keys at once, taken in a fixed order so two callers never wait on each other. */
    public async runAll<T>(keys: ReadonlyArray<string>, task: () => Promise<T>): Promise<T> {
        const sorted = [...new Set(keys)].sort();
        const step = (i: number): Promise<T> => (i >= sorted.length ? task() : this.run(sorted[i], () => step(i + 1)));
        return step(0);
    }
}
