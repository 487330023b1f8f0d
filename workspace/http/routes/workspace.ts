import type { Router } from '../Router';
import type { Workspace } from '../../Workspace';
import type { RequestContext } from '../types';
import { bodyObject, optionalString, requireAdmin } from '../guards';
import { failure, notFound, ok } from '../respond';
import { runDue } from '../../scheduler/runDue';

/** `?instance=<n>` (default 0): one of the instances, else a 400. */
function instanceParam(ws: Workspace, ctx: RequestContext): number {
    const raw = ctx.query.instance;
    if (raw === undefined || raw === '') return 0;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n >= ws.instances.length) {
        throw failure(`No instance ${raw}: instances are 0 to ${ws.instances.length - 1} [error-invalid-instance]`, 'error-invalid-instance');
    }
    return n;
}

const afterParam = (ctx: RequestContext): number => {
    const after = Number(ctx.query.after ?? 0);
    return Number.isFinite(after) ? after : 0;
};

/** Local-workspace diagnostics (not Rocket.Chat paths), admin only. */
export function workspaceRoutes(router: Router, ws: Workspace): void {
    // The app's Deno subprocess on one instance (`?instance=n`, default 0) and its state.
    router.get('/api/workspace/apps/:id/runtime', async (ctx) => {
        requireAdmin(ctx);
        const runtime = ws.instances[instanceParam(ws, ctx)].engine.runtimeState(ctx.params.id);
        if (!runtime) throw notFound(`No App found by the id of: ${ctx.params.id}`);
        return ok({ runtime });
    });

    // Every instance: its open realtime sessions, the count it last published (updateConns), whether its presence service broadcasts, its app runtimes.
    router.get('/api/workspace/instances', async (ctx) => {
        requireAdmin(ctx);
        const connections = ws.presence.connectionsPerInstance();
        const published = ws.presence.publishedPerInstance();
        const instances = ws.instances.map((inst) => ({
            instance: inst.instance,
            connections: connections.get(inst.instance) ?? 0,
            publishedConnections: published.get(inst.instance) ?? 0,
            broadcastEnabled: ws.presence.isBroadcastEnabled(inst.instance),
            runtimes: ws.appId ? { [ws.appId]: inst.engine.runtimeState(ws.appId) ?? null } : {},
        }));
        return ok({ instances });
    });

    // The user events handed to the apps' listeners (IPostUserLoggedIn, IPostUserLoggedOut,
    // IPostUserStatusChanged, IPostUserCreated), with the data as the app receives it and the
    // instance whose app got it, after `after`.
    router.get('/api/workspace/appEvents', async (ctx) => {
        requireAdmin(ctx);
        return ok({ events: ws.diagnostics.appEvents.after(afterParam(ctx)) });
    });

    // Every run of a job's processor (`name` `<id>_<appId>`), with the instance that ran it, after `after`.
    router.get('/api/workspace/jobRuns', async (ctx) => {
        requireAdmin(ctx);
        return ok({ runs: ws.diagnostics.jobRuns.after(afterParam(ctx)) });
    });

    // Every run of an app's setting hooks (onPreSettingUpdate, then onSettingUpdated) on each instance, after `after`.
    router.get('/api/workspace/settingHooks', async (ctx) => {
        requireAdmin(ctx);
        return ok({ hooks: ws.diagnostics.settingHooks.after(afterParam(ctx)) });
    });

    // Every write of an app to a user through the user bridge (status, message), with the instance, after `after`.
    router.get('/api/workspace/userUpdates', async (ctx) => {
        requireAdmin(ctx);
        return ok({ updates: ws.diagnostics.userUpdates.after(afterParam(ctx)) });
    });

    // Makes jobs due on demand, so tests never wait for a clock: every pending one-time job (only that
    // processor's when `processorId` is given) and, when `processorId` names a recurring job, that job,
    // each once for the cluster (`concurrency` at a time when given); answers when they have finished.
    router.post('/api/workspace/jobs.runDue', async (ctx) => {
        requireAdmin(ctx);
        const body = bodyObject(ctx);
        const processorId = optionalString(body.processorId, 'processorId');
        const concurrency = body.concurrency === undefined ? undefined : Number(body.concurrency);
        if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) throw failure('concurrency must be a positive integer');
        return ok({
            ran: await runDue(
                ws.jobs,
                ws.instances.map((inst) => inst.scheduler),
                processorId,
                concurrency,
            ),
        });
    });
}
