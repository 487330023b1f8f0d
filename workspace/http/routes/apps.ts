import type { Router } from '../Router';
import { instanceOf, type Workspace } from '../../Workspace';
import type { RequestContext, HandlerResult } from '../types';
import { HttpError } from '../types';
import { bodyObject, requireAdmin, requireUser } from '../guards';
import { failure, notFound, ok } from '../respond';
import { AppInterface } from '@rocket.chat/apps-engine/definition/metadata';
import type { IApiRequest } from '@rocket.chat/apps-engine/definition/api';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { userToApp, roomToApp } from '../../engine/converters';
import { randomId } from '../../store/ids';
import { expressQuery } from '../expressParsers';

type ListenerRunner = { executeListener(int: AppInterface, data: unknown): Promise<unknown> };

/**
 * Rocket.Chat's /api/apps surface: the list, settings, action buttons, UI interactions and the apps'
 * own endpoints, each answered by the instance serving the request (its copy of the app).
 */
export function appRoutes(router: Router, ws: Workspace): void {
    const engineOf = (ctx: RequestContext) => instanceOf(ws, ctx.instance).engine;

    router.get('/api/apps', async (ctx) => {
        requireAdmin(ctx);
        const apps = [];
        for (const app of await engineOf(ctx).apps()) {
            const info = app.getInfo();
            apps.push({
                id: info.id,
                name: info.name,
                nameSlug: info.nameSlug,
                version: info.version,
                description: info.description,
                author: info.author,
                requiredApiVersion: info.requiredApiVersion,
                status: await app.getStatus(),
                languages: Object.keys(app.getStorageItem().languageContent ?? {}),
                private: app.getStorageItem().installationSource === 'private',
            });
        }
        return ok({ apps });
    });

    router.get('/api/apps/actionButtons', async (ctx) => {
        requireUser(ctx);
        const buttons = await engineOf(ctx).manager.getUIActionButtonManager().getAllActionButtons();
        return { status: 200, body: buttons };
    });

    // ee/server/apps/communication/rest.ts: `:id/settings` needs `manage-apps` (the admin role here),
    // for reading too: the settings include the app's access token.
    router.get('/api/apps/:id/settings', async (ctx) => {
        requireAdmin(ctx);
        const app = engineOf(ctx).app(ctx.params.id);
        if (!app) throw notFound(`No App found by the id of: ${ctx.params.id}`);
        const settings = { ...app.getStorageItem().settings };
        for (const [id, s] of Object.entries(settings)) {
            if (s.hidden) delete settings[id];
        }
        return ok({ settings });
    });

    router.post('/api/apps/:id/settings', async (ctx) => {
        requireAdmin(ctx);
        const engine = engineOf(ctx);
        const app = engine.app(ctx.params.id);
        if (!app) throw notFound(`No App found by the id of: ${ctx.params.id}`);
        const body = bodyObject(ctx);
        if (!Array.isArray(body.settings)) throw failure('The settings to update must be present.');
        const current = app.getStorageItem().settings;
        const updated: ISetting[] = [];
        for (const raw of body.settings as unknown[]) {
            const s = raw as { id?: unknown; value?: unknown };
            if (!s || typeof s !== 'object' || typeof s.id !== 'string' || !current[s.id]) {
                throw failure(`No setting found for the App by the provided id: ${String(s?.id)}`);
            }
        }
        for (const raw of body.settings as Array<{ id: string; value: unknown }>) {
            const setting = { ...current[raw.id], value: raw.value };
            await engine.manager.getSettingsManager().updateAppSetting(app.getID(), setting);
            updated.push(app.getStorageItem().settings[raw.id] ?? setting);
        }
        return ok({ updated });
    });

    // Rocket.Chat's app logs (ee/server/apps/communication/rest.ts `:id/logs`): newest first, through
    // the engine's log storage (queued entries included); `offset`/`count` page them.
    router.get('/api/apps/:id/logs', async (ctx) => {
        requireAdmin(ctx);
        // the first instance's engine reads the shared store and its own queue (other instances' queued entries show once written)
        const engine = ws.instances[0].engine;
        const app = engine.app(ctx.params.id);
        if (!app) throw notFound(`No App found by the id of: ${ctx.params.id}`);
        const offset = Math.max(0, Number(ctx.query.offset ?? 0) || 0);
        const count = Math.max(0, Number(ctx.query.count ?? 50) || 50);
        const { logs, total } = await engine.manager.getLogStorage().findPaginated({ appId: app.getID() }, { skip: offset, limit: count });
        return ok({ offset, logs, count: logs.length, total });
    });

    router.post('/api/apps/ui.interaction/:appId', async (ctx) => uiInteraction(ws, ctx));

    router.add('*', '/api/apps/public/:appId/*', async (ctx) => appEndpoint(ws, ctx));
}

async function appEndpoint(ws: Workspace, ctx: RequestContext): Promise<HandlerResult> {
    const { appId } = ctx.params;
    const instance = instanceOf(ws, ctx.instance);
    const match = instance.endpoints.match(appId, ctx.params['*'] ?? '');
    if (!match) throw notFound(`No app endpoint at ${ctx.path} [error-not-found]`);
    if (match.api.endpoint.authRequired && !ctx.user) {
        return { status: 401, body: 'Unauthorized', headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(ctx.req.headers)) {
        if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    const request: IApiRequest = {
        method: ctx.method.toLowerCase() as IApiRequest['method'],
        headers,
        query: expressQuery(ctx.rawQuery),
        params: match.params,
        content: ctx.body ?? {},
        privateHash: undefined,
        ...(ctx.user ? { user: userToApp(ctx.user) } : {}),
    } as IApiRequest;
    let response;
    try {
        response = await instance.engine.manager.getApiManager().executeApi(appId, match.api.endpoint.path, request);
    } catch (reason) {
        return engineFailure(reason);
    }
    const resHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(response.headers ?? {})) resHeaders[k] = String(v);
    return { status: response.status, body: response.content ?? '', headers: resHeaders };
}

/**
 * What Rocket.Chat's apps API bridge answers when the engine rejects a call
 * (apps/meteor/app/apps/server/bridges/api.ts: `res.status(500).send(reason.message)`, express's
 * text/html for a string). The engine rejects with its runtime's JSON-RPC error for a method the
 * endpoint does not implement (`<path>'s <method> not exists`), with jsonrpc-lite's `Parse error` or
 * msgpack's `Too deep objects in depth 101` for a request it cannot encode, and with its timeout.
 */
function engineFailure(reason: unknown): HandlerResult {
    const message =
        reason && typeof reason === 'object' && typeof (reason as { message?: unknown }).message === 'string' ? (reason as { message: string }).message : '';
    return { status: 500, body: message, headers: { 'Content-Type': 'text/html; charset=utf-8' } };
}

/** Rocket.Chat's UiKit interaction endpoint: the client's payload becomes the engine's incoming interaction. */
async function uiInteraction(ws: Workspace, ctx: RequestContext): Promise<HandlerResult> {
    const user = requireUser(ctx);
    const { appId } = ctx.params;
    const engine = instanceOf(ws, ctx.instance).engine;
    if (!engine.app(appId)) throw notFound(`No App found by the id of: ${appId}`);
    const body = bodyObject(ctx);
    const type = body.type;
    if (!['blockAction', 'viewSubmit', 'viewClosed', 'actionButton'].includes(String(type))) {
        throw failure('Unknown interaction type [error-invalid-interaction]');
    }
    const payload = (body.payload && typeof body.payload === 'object' ? body.payload : {}) as Record<string, unknown>;
    const rid = typeof body.rid === 'string' ? body.rid : undefined;
    const roomDoc = rid ? await ws.rooms.findById(rid) : null;
    const room = roomDoc ? roomToApp(roomDoc) : undefined;
    const mid = typeof body.mid === 'string' ? body.mid : undefined;
    const message = mid
        ? await engine.manager
              .getBridges()
              .getMessageBridge()
              .doGetById(mid, appId)
              .catch(() => undefined)
        : undefined;
    const interaction: Record<string, unknown> = {
        type,
        appId,
        actionId: body.actionId,
        triggerId: typeof body.triggerId === 'string' ? body.triggerId : randomId(),
        payload,
        container: body.container,
        user: userToApp(user),
        room,
        message,
        ...(typeof body.tmid === 'string' ? { tmid: body.tmid } : {}),
    };
    if (type === 'viewSubmit' || type === 'viewClosed') {
        if (!payload.view || typeof payload.view !== 'object') throw failure('The interaction payload must carry the view [error-invalid-interaction]');
    }
    try {
        const result = await (engine.manager.getListenerManager() as unknown as ListenerRunner).executeListener(
            AppInterface.IUIKitInteractionHandler,
            interaction,
        );
        return { status: 200, body: result ?? '' };
    } catch (err) {
        if (err instanceof HttpError) throw err;
        return { status: 500, body: { error: err instanceof Error ? err.message : 'The app failed to handle the interaction' } };
    }
}
