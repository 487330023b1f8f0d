import type { Router } from '../Router';
import type { Workspace } from '../../Workspace';
import { bodyObject, optionalString, requireAdmin } from '../guards';
import { notFound, ok } from '../respond';

/** Local-workspace diagnostics (not Rocket.Chat paths), admin only. */
export function workspaceRoutes(router: Router, ws: Workspace): void {
    // The app's Deno subprocess and its state.
    router.get('/api/workspace/apps/:id/runtime', async (ctx) => {
        requireAdmin(ctx);
        const runtime = ws.engine.runtimeState(ctx.params.id);
        if (!runtime) throw notFound(`No App found by the id of: ${ctx.params.id}`);
        return ok({ runtime });
    });

    // The user events handed to the apps' listeners (IPostUserLoggedIn, IPostUserLoggedOut,
    // IPostUserStatusChanged, IPostUserCreated), with the data as the app receives it, after `after`.
    router.get('/api/workspace/appEvents', async (ctx) => {
        requireAdmin(ctx);
        const after = Number(ctx.query.after ?? 0);
        return ok({ events: ws.engine.firedEvents(Number.isFinite(after) ? after : 0) });
    });

    // Makes jobs due on demand, so tests never wait for a clock: every pending one-time job (only that
    // processor's when `processorId` is given) and, when `processorId` names a recurring job, that job,
    // each once; answers when they have finished.
    router.post('/api/workspace/jobs.runDue', async (ctx) => {
        requireAdmin(ctx);
        const processorId = optionalString(bodyObject(ctx).processorId, 'processorId');
        return ok({ ran: await ws.scheduler.runDue(processorId) });
    });
}
