/**
 * Runs async tasks one after another, in the order they were queued. The app's copy in one
 * Deno process receives the engine's events concurrently; read-modify-write updates of the
 * connection records go through one queue so that two events never interleave.
 */
export class SerialQueue {
    private tail: Promise<unknown> = Promise.resolve();

    public run<T>(task: () => Promise<T>): Promise<T> {
        const result = this.tail.then(task, task);
        // The next task waits for this one whatever its outcome; the caller still sees the error.
        this.tail = result.then(
            () => undefined,
            () => undefined,
        );
        return result;
    }
}
