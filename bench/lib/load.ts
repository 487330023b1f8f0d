/**
 * Load generation for the benches: keep-alive HTTP calls with a user's login headers, a fixed-duration
 * closed loop of N concurrent clients (throughput), and sequential calls (latency medians).
 */
import * as http from 'http';
import type { Creds } from '../../test/helpers/workspace';

export interface Call {
    method: 'GET' | 'POST';
    path: string;
    /** the JSON body of the i-th call of one client (POST) */
    body?: (i: number, creds: Creds | undefined) => unknown;
}

export interface Throughput {
    rps: number;
    calls: number;
    seconds: number;
    /** calls per HTTP status */
    byStatus: Record<string, number>;
}

export interface Latency {
    median: number;
    p99: number;
    samples: number;
    byStatus: Record<string, number>;
}

export function keepAliveAgent(sockets: number): http.Agent {
    return new http.Agent({ keepAlive: true, maxSockets: sockets });
}

/** One call; resolves with the HTTP status once the body was read. */
export function call(agent: http.Agent, base: string, c: Call, creds: Creds | undefined, i = 0): Promise<number> {
    return new Promise((resolve, reject) => {
        const payload = c.body === undefined ? undefined : JSON.stringify(c.body(i, creds));
        const headers: Record<string, string> = {};
        if (creds) {
            headers['X-User-Id'] = creds.userId;
            headers['X-Auth-Token'] = creds.authToken;
        }
        if (payload !== undefined) {
            headers['Content-Type'] = 'application/json';
            headers['Content-Length'] = String(Buffer.byteLength(payload));
        }
        const req = http.request(new URL(c.path, base), { method: c.method, agent, headers }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
            res.on('error', reject);
        });
        req.on('error', reject);
        if (payload !== undefined) req.write(payload);
        req.end();
    });
}

/** Each client calls in a loop (its next call when the previous answered) until `ms` have passed, or `maxCalls` were made in all. */
export async function throughput(
    base: string,
    c: Call,
    clients: Creds[],
    opts: { ms?: number; maxCalls?: number; agent?: http.Agent } = {},
): Promise<Throughput> {
    const agent = opts.agent ?? keepAliveAgent(clients.length + 5);
    const byStatus: Record<string, number> = {};
    let calls = 0;
    const started = process.hrtime.bigint();
    const end = opts.ms === undefined ? Infinity : Date.now() + opts.ms;
    const max = opts.maxCalls ?? Infinity;
    await Promise.all(
        clients.map(async (creds) => {
            let i = 0;
            while (Date.now() < end && calls < max) {
                calls++;
                const status = await call(agent, base, c, creds, i++);
                byStatus[status] = (byStatus[status] ?? 0) + 1;
            }
        }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (!opts.agent) agent.destroy();
    return { rps: calls / seconds, calls, seconds, byStatus };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

export const median = (values: number[]): number =>
    percentile(
        [...values].sort((a, b) => a - b),
        50,
    );

/**
 * Sequential calls, several targets interleaved call by call (a, b, a, b, ...) so they share the
 * machine's noise; per target the median and p99 in ms.
 */
export async function interleavedLatency(base: string, targets: Array<{ call: Call; creds: Creds }>, samples: number, warmup = 100): Promise<Latency[]> {
    const agent = keepAliveAgent(2);
    const times: number[][] = targets.map(() => []);
    const byStatus: Array<Record<string, number>> = targets.map(() => ({}));
    try {
        for (let i = -warmup; i < samples; i++) {
            for (let t = 0; t < targets.length; t++) {
                const start = process.hrtime.bigint();
                const status = await call(agent, base, targets[t].call, targets[t].creds, i);
                const ms = Number(process.hrtime.bigint() - start) / 1e6;
                if (i >= 0) {
                    times[t].push(ms);
                    byStatus[t][status] = (byStatus[t][status] ?? 0) + 1;
                }
            }
        }
    } finally {
        agent.destroy();
    }
    return times.map((list, t) => {
        const sorted = [...list].sort((a, b) => a - b);
        return { median: percentile(sorted, 50), p99: percentile(sorted, 99), samples: sorted.length, byStatus: byStatus[t] };
    });
}

export const statuses = (byStatus: Record<string, number>): string =>
    Object.entries(byStatus)
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ');
