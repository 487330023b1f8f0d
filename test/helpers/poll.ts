/**
 * The one polling helper for integration tests: probe until the value is accepted, or fail with
 * what was last seen. Tests wait for effects with it; they never sleep a fixed time and then check.
 */
export interface PollOptions {
    /** what is awaited, for the failure message */
    what?: string;
    /** give up after this long (a generous bound for a slow machine, never a latency claim) */
    timeoutMs?: number;
    /** pause between probes */
    intervalMs?: number;
}

export async function pollUntil<T>(probe: () => Promise<T>, accept: (value: T) => boolean, options: PollOptions = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const intervalMs = options.intervalMs ?? 50;
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    let lastError: unknown;
    for (;;) {
        try {
            last = await probe();
            lastError = undefined;
            if (accept(last)) {
                return last;
            }
        } catch (error) {
            lastError = error;
        }
        if (Date.now() > deadline) {
            const seen = lastError !== undefined ? `error ${String((lastError as Error).message ?? lastError)}` : JSON.stringify(last);
            throw new Error(`Timed out after ${timeoutMs} ms waiting for ${options.what ?? 'a condition'}; last seen: ${seen}`);
        }
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
}
