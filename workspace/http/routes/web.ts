import * as path from 'path';
import type { Router } from '../Router';
import { instanceOf, type Workspace } from '../../Workspace';
import type { HandlerResult, RequestContext } from '../types';
import { requireUser } from '../guards';
import { notFound, ok } from '../respond';
import type { RoomDoc } from '../../services/Rooms';
import { cacheControlFor, notModified, readAsset } from './webAssets';

/** Where `scripts/build-web.js` writes the page (index.html, hashed scripts, stylesheet and fonts, their compressed copies). */
export const WEB_DIR = process.env.WEB_DIR ? path.resolve(process.env.WEB_DIR) : path.resolve(__dirname, '..', '..', '..', 'web', 'dist');

const CONTENT_TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.map': 'application/json',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.ttf': 'font/ttf',
    '.eot': 'application/vnd.ms-fontobject',
};

const NOT_BUILT = 'The page is not built. Run `node scripts/build-web.js` (npm start does it).';

/**
 * A file of the built page; never outside WEB_DIR. Sent compressed when the browser accepts it
 * (`Vary: Accept-Encoding`), with a year of caching for the files whose name carries a content
 * hash, and an ETag (304 when the browser has it) for the rest (index.html).
 */
function serveFile(relative: string, ctx: RequestContext): HandlerResult {
    const file = path.resolve(WEB_DIR, relative);
    if (file !== WEB_DIR && !file.startsWith(WEB_DIR + path.sep)) throw notFound();
    const asset = readAsset(file, header(ctx, 'accept-encoding'));
    if (!asset) {
        if (relative === 'index.html') return { status: 503, body: NOT_BUILT };
        throw notFound(`No file at /web/${relative}`);
    }
    const headers: Record<string, string> = {
        'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': cacheControlFor(relative),
        ETag: asset.etag,
        Vary: 'Accept-Encoding',
    };
    if (asset.encoding) headers['Content-Encoding'] = asset.encoding;
    if (notModified(header(ctx, 'if-none-match'), asset.etag)) return { status: 304, body: undefined, headers };
    return { status: 200, body: asset.body, headers };
}

function header(ctx: RequestContext, name: string): string | undefined {
    const value = ctx.req.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
}

function roomView(room: RoomDoc): Record<string, unknown> {
    return { ...room, rid: room._id };
}

/**
 * The page at `/` (static files under `/web/`), plus the two Rocket.Chat REST paths its client
 * reads that the rest of the workspace does not carry: `GET /api/apps/languages` (the apps'
 * i18n, as Rocket.Chat's client loads it for app settings, commands and action buttons) and
 * `GET /api/v1/rooms.get` (the caller's rooms).
 */
export function webRoutes(router: Router, ws: Workspace): void {
    router.get('/', async (ctx) => serveFile('index.html', ctx));
    router.get('/web/*', async (ctx) => serveFile(ctx.params['*'] || 'index.html', ctx));

    // Rocket.Chat: apps/meteor/ee/server/apps/communication/rest.ts, route `languages`.
    router.get('/api/apps/languages', async (ctx) => {
        const apps = (await instanceOf(ws, ctx.instance).engine.apps()).map((app) => ({
            id: app.getID(),
            languages: app.getStorageItem().languageContent ?? {},
        }));
        return ok({ apps });
    });

    // Rocket.Chat: apps/meteor/app/api/server/v1/rooms.ts `rooms.get` (the caller's rooms; `updatedSince` not carried).
    router.get('/api/v1/rooms.get', async (ctx) => {
        const user = requireUser(ctx);
        const rooms = (await ws.store.col('rooms').findAsync({ $or: [{ uids: user._id }, { default: true }] })) as unknown as RoomDoc[];
        return ok({ update: rooms.map(roomView), remove: [] });
    });
}
