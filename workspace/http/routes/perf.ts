import * as fs from 'fs';
import type { Router } from '../Router';
import type { Workspace } from '../../Workspace';
import { bodyObject, optionalString, requireAdmin } from '../guards';
import { failure, ok } from '../respond';
import { AppInterface } from '@rocket.chat/apps-engine/definition/metadata';
import { seedUsers } from '../../services/seedUsers';
import { userToApp } from '../../engine/converters';
import type { PersistenceCount } from '../../diagnostics/PersistenceCounts';

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

/** Runs `work(0 .. count-1)`, `concurrency` at a time. */
async function inPool(count: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
    let next = 0;
    await Promise.all(
        Array.from({ length: Math.min(concurrency, count) }, async () => {
            while (next < count) await work(next++);
        }),
    );
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
        // one storage for every instance
        const appLogs = ws.instances[0].engine.logStorage.stats();
        // each app's persistence bridge calls over every instance, and the records it stores now
        const persistence: Record<string, PersistenceCount & { stored: number }> = {};
        const counted = ws.diagnostics.persistenceCounts.snapshot();
        const appIds = new Set([...Object.keys(counted), ...(await ws.instances[0].engine.apps()).map((app) => app.getID())]);
        for (const appId of appIds) {
            persistence[appId] = {
                ...(counted[appId] ?? { calls: 0, recordsRead: 0, recordsWritten: 0, bytesRead: 0, bytesWritten: 0, byMethod: {} }),
                stored: await ws.store.col('app_persistence').countAsync({ appId }),
            };
        }
        const heap = process.memoryUsage();
        return ok({
            process: { pid: process.pid, rss: heap.rss, heapUsed: heap.heapUsed, heapTotal: heap.heapTotal, external: heap.external, uptime: process.uptime() },
            runtimes,
            appLogs,
            users: await ws.users.count({}),
            persistence,
        });
    });

    // Users written straight into the store (see seedUsers); with `login: true` each then logs in for
    // the apps: IPostUserLoggedIn through the apps' listeners (awaited, `concurrency` at a time), so an
    // app holds what it keeps per logged-in user; with `tokens: true` each gets a login token the way a
    // login issues one (Users.issueToken: stored hashed, usable at once for X-User-Id/X-Auth-Token and
    // DDP resume), answered once in `users` (never logged). Answers when done: `{seeded, loggedIn}`,
    // and `users: [{userId, username, authToken}]` with `tokens: true`.
    router.post('/api/workspace/users.seed', async (ctx) => {
        requireAdmin(ctx);
        const body = bodyObject(ctx);
        const count = Number(body.count);
        if (!Number.isInteger(count) || count < 1 || count > 200_000) throw failure('count must be an integer from 1 to 200000');
        const prefix = optionalString(body.prefix, 'prefix') ?? `seed${Date.now().toString(36)}-`;
        const concurrency = Math.max(1, Math.min(64, Number(body.concurrency ?? 8) || 8));
        // `roles` (default ['user']): e.g. ['user', 'bot'] for users whose core REST calls bypass the rate limiter
        const roles = Array.isArray(body.roles) && body.roles.every((r) => typeof r === 'string' && r) ? (body.roles as string[]) : ['user'];
        const users = await seedUsers(ws.store, count, prefix, roles);
        // a login first issues the token, then tells the apps
        let tokens: Array<{ userId: string; username: string; authToken: string }> | undefined;
        if (body.tokens === true) {
            const issued = new Array<{ userId: string; username: string; authToken: string }>(users.length);
            await inPool(users.length, concurrency, async (i) => {
                issued[i] = { userId: users[i]._id, username: users[i].username, authToken: await ws.users.issueToken(users[i]._id) };
            });
            tokens = issued;
        }
        let loggedIn = 0;
        if (body.login === true) {
            const listener = ws.instances[0].engine.listener();
            await inPool(users.length, concurrency, async (i) => {
                await listener.executeListener(AppInterface.IPostUserLoggedIn, userToApp(users[i]));
                loggedIn++;
            });
        }
        return ok({ seeded: users.length, loggedIn, ...(tokens ? { users: tokens } : {}) });
    });
}
