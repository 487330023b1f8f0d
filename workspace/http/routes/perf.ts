import * as fs from 'fs';
import type { Router } from '../Router';
import type { Workspace } from '../../Workspace';
import { bodyObject, optionalString, requireAdmin } from '../guards';
import { failure, ok } from '../respond';
import { AppInterface } from '@rocket.chat/apps-engine/definition/metadata';
import { seedUsers } from '../../services/seedUsers';
import { userToApp } from '../../engine/converters';

/** Resident memory of another process (an app's Deno subprocess), from /proc; undefined elsewhere. */
function rssOf(pid: number | undefined): number | undefined {
    if (!pid) return undefined;
    try {
        const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
        return match ? Number(match[1]) * 1024 : undefined;
    } catch {
        return undefined;
    }
}

/** Local diagnostics for benchmarks (not Rocket.Chat paths), admin only. */
export function perfRoutes(router: Router, ws: Workspace): void {
    // The workspace process's memory (bytes), the apps' Deno subprocesses' resident memory, the app log queue.
    // `?gc=1` collects garbage first when the process runs with --expose-gc (the benches start it so).
    router.get('/api/workspace/stats', async (ctx) => {
        requireAdmin(ctx);
        const gc = (globalThis as { gc?: () => void }).gc;
        if (ctx.query.gc && gc) gc();
        // the apps' runtimes of every instance: `<appId>` on the first, `<appId>@<n>` on the others
        const runtimes: Record<string, { pid?: number; state?: string; rss?: number }> = {};
        for (const inst of ws.instances) {
            for (const app of await inst.engine.apps()) {
                const state = inst.engine.runtimeState(app.getID());
                runtimes[inst.instance === 0 ? app.getID() : `${app.getID()}@${inst.instance}`] = { ...state, rss: rssOf(state?.pid) };
            }
        }
        const logStats = ws.instances.map((inst) => inst.engine.logStorage.stats());
        const appLogs = logStats.reduce((sum, s) => ({
            pending: sum.pending + s.pending,
            stored: Math.max(sum.stored, s.stored),
            dropped: sum.dropped + s.dropped,
            written: sum.written + s.written,
        }));
        const heap = process.memoryUsage();
        return ok({
            process: { pid: process.pid, rss: heap.rss, heapUsed: heap.heapUsed, heapTotal: heap.heapTotal, external: heap.external, uptime: process.uptime() },
            runtimes,
            appLogs,
            users: await ws.users.count({}),
        });
    });

    // Users written straight into the store (see seedUsers); with `login: true` each then logs in for
    // the apps: IPostUserLoggedIn through the apps' listeners (awaited, `concurrency` at a time), so an
    // app holds what it keeps per logged-in user. Answers when done: `{seeded, loggedIn}`.
    router.post('/api/workspace/users.seed', async (ctx) => {
        requireAdmin(ctx);
        const body = bodyObject(ctx);
        const count = Number(body.count);
        if (!Number.isInteger(count) || count < 1 || count > 200_000) throw failure('count must be an integer from 1 to 200000');
        const prefix = optionalString(body.prefix, 'prefix') ?? `seed${Date.now().toString(36)}-`;
        const concurrency = Math.max(1, Math.min(64, Number(body.concurrency ?? 8) || 8));
        const users = await seedUsers(ws.store, count, prefix);
        let loggedIn = 0;
        if (body.login === true) {
            const listener = ws.instances[0].engine.listener();
            let next = 0;
            await Promise.all(
                Array.from({ length: concurrency }, async () => {
                    while (next < users.length) {
                        const user = users[next++];
                        await listener.executeListener(AppInterface.IPostUserLoggedIn, userToApp(user));
                        loggedIn++;
                    }
                }),
            );
        }
        return ok({ seeded: users.length, loggedIn });
    });
}
