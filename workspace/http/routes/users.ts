import type { Router } from '../Router';
import type { Workspace } from '../../Workspace';
import type { RequestContext } from '../types';
import { bodyObject, requireAdmin, requireUser } from '../guards';
import { failure, meteorError, ok } from '../respond';
import { HttpError } from '../types';
import { UserError, type UserDoc } from '../../services/Users';
import { setStatusText } from '../../services/setStatusText';
import { createdUser, userFullData } from './userViews';
import { invalidParams, validatePreferences } from './preferences';

const VALID_STATUSES = ['online', 'away', 'offline', 'busy'];
const MATCH_ONE_OF = 'Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation';
const unauthorized = () => new HttpError(403, { success: false, error: 'unauthorized' });

type Params = { userId?: unknown; username?: unknown; user?: unknown };

/** apps/meteor/app/api/server/helpers/isUserFromParams.ts */
function isUserFromParams(params: Params, caller: UserDoc): boolean {
    return Boolean(
        (!params.userId && !params.username && !params.user) ||
        (params.userId && caller._id === params.userId) ||
        (params.username && caller.username === params.username) ||
        (params.user && caller.username === params.user),
    );
}

/** apps/meteor/app/api/server/helpers/getUserFromParams.ts: id exact, username ignoring case. */
async function getUserFromParams(ws: Workspace, params: Params): Promise<UserDoc> {
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
    let user: UserDoc | null;
    if (str(params.userId)) user = await ws.users.findById(str(params.userId)!);
    else if (str(params.username)) user = await ws.users.findByUsernameIgnoringCase(str(params.username)!);
    else if (str(params.user)) user = await ws.users.findByUsernameIgnoringCase(str(params.user)!);
    else throw meteorError('error-user-param-not-provided', 'The required "userId" or "username" param was not provided');
    if (!user) throw meteorError('error-invalid-user', 'The required "userId" or "username" param provided does not match any users');
    return user;
}

const isAdmin = (user: UserDoc) => user.roles.includes('admin');

/** users.* as apps/meteor/app/api/server/v1/users.ts (7.x); the core status endpoints bypass the app, as on a real server. */
export function userRoutes(router: Router, ws: Workspace): void {
    router.post('/api/v1/users.create', async (ctx) => {
        requireAdmin(ctx);
        const body = bodyObject(ctx);
        for (const field of ['email', 'name', 'password', 'username']) {
            if (!(field in body)) throw invalidParams(`must have required property '${field}'`);
            if (typeof body[field] !== 'string') throw invalidParams(`/${field} must be string`);
        }
        for (const field of ['active', 'verified', 'joinDefaultChannels', 'requirePasswordChange', 'sendWelcomeEmail', 'setRandomPassword']) {
            if (body[field] !== undefined && typeof body[field] !== 'boolean') throw invalidParams(`/${field} must be boolean`);
        }
        if (body.roles !== undefined && (!Array.isArray(body.roles) || body.roles.some((r) => typeof r !== 'string'))) {
            throw invalidParams('/roles must be array');
        }
        try {
            const user = await ws.users.create(
                {
                    username: body.username as string,
                    email: body.email as string,
                    name: body.name as string,
                    password: body.password as string,
                    roles: body.roles as string[] | undefined,
                    active: typeof body.active === 'boolean' ? body.active : true,
                    verified: body.verified === true,
                },
                { instance: ctx.instance },
            );
            return ok({ user: createdUser(user) });
        } catch (err) {
            if (err instanceof UserError) throw failure(err.message, err.errorType);
            throw err;
        }
    });

    router.post('/api/v1/users.delete', async (ctx) => {
        const caller = requireUser(ctx);
        if (!isAdmin(caller)) throw unauthorized();
        const user = await getUserFromParams(ws, bodyObject(ctx));
        if (user.type !== 'user') throw meteorError('error-invalid-user', 'Apps users cannot be deleted');
        await ws.users.remove(user._id);
        return ok();
    });

    router.get('/api/v1/users.info', async (ctx) => {
        const caller = requireUser(ctx);
        const { userId, username } = ctx.query;
        const term: [string, 'id' | 'username'] | false = (userId && [userId, 'id']) || (username && [username, 'username']) || false;
        if (!term) throw failure('Invalid search query.');
        const user = term[1] === 'id' ? await ws.users.findById(term[0]) : await ws.users.findByUsername(term[0]);
        if (!user) throw failure('User not found.');
        const myself = (term[1] === 'id' && term[0] === caller._id) || (term[1] === 'username' && term[0] === caller.username);
        return ok({ user: userFullData(user, myself || isAdmin(caller)) });
    });

    // users.presence reads only the setting (the troubleshooting switch stops broadcasts, not this list).
    router.get('/api/v1/users.presence', async (ctx) => {
        requireUser(ctx);
        if (ws.settings.value('Presence_broadcast_disabled') === true) {
            return ok({ users: [], full: true });
        }
        const ids = ctx.query.ids ? ctx.query.ids.split(',') : undefined;
        const users = (await ws.users.find({ status: { $in: ['online', 'away', 'busy'] }, ...(ids ? { _id: { $in: ids } } : {}) }))
            .filter((u) => u.username)
            .map((u) => ({
                _id: u._id,
                username: u.username,
                name: u.name,
                status: u.status,
                utcOffset: u.utcOffset,
                ...(u.statusText ? { statusText: u.statusText } : {}),
            }));
        return ok({ users, full: !ids });
    });

    router.post('/api/v1/users.setStatus', async (ctx) => setStatus(ws, ctx));

    router.get('/api/v1/users.getStatus', async (ctx) => {
        const caller = requireUser(ctx);
        if (isUserFromParams(ctx.query, caller)) {
            return ok({ _id: caller._id, connectionStatus: caller.statusConnection || 'offline', status: caller.status || 'offline' });
        }
        const user = await getUserFromParams(ws, ctx.query);
        return ok({ _id: user._id, status: user.status || 'offline' });
    });

    router.post('/api/v1/users.setPreferences', async (ctx) => {
        const caller = requireUser(ctx);
        const body = bodyObject(ctx);
        const data = validatePreferences(body);
        const userId = typeof body.userId === 'string' && body.userId ? body.userId : caller._id;
        if (userId !== caller._id && !isAdmin(caller)) {
            throw meteorError('error-action-not-allowed', 'Editing user is not allowed');
        }
        if (!(await ws.users.findById(userId))) {
            throw meteorError('error-invalid-user', 'The optional "userId" param provided does not match any users');
        }
        const idle = (Number(data.idleTimeLimitH) || 0) * 3600 + (Number(data.idleTimeLimitM) || 0) * 60 + (Number(data.idleTimeLimitS) || 0);
        if (data.idleTimeLimit != null && idle < 60) {
            throw meteorError('invalid-idle-time-limit-value', 'Idle time limit must be at least 1 minutes.');
        }
        const user = await ws.users.setPreferences(userId, data);
        return ok({ user: { _id: userId, settings: { preferences: { ...(user?.settings?.preferences ?? {}), language: user?.language } } } });
    });
}

/** users.setStatus (7.x): the message is written before the status is checked, as Rocket.Chat does. */
async function setStatus(ws: Workspace, ctx: RequestContext) {
    const caller = requireUser(ctx);
    const body = bodyObject(ctx);
    const maybeString = (v: unknown) => v === undefined || v === null || typeof v === 'string';
    const shapeOk = (maybeString(body.status) && typeof body.message === 'string') || (typeof body.status === 'string' && maybeString(body.message));
    if (!shapeOk) throw failure(MATCH_ONE_OF);
    if (ws.settings.value('Accounts_AllowUserStatusMessageChange') !== true) {
        throw meteorError('error-not-allowed', 'Change status is not allowed', { method: 'users.setStatus' });
    }
    let user: UserDoc;
    if (isUserFromParams(body, caller)) user = caller;
    else if (isAdmin(caller)) user = await getUserFromParams(ws, body);
    else throw unauthorized();

    if (typeof body.message === 'string') {
        await setStatusText(ws.users, ws.events, user._id, body.message);
    }
    if (body.status) {
        const status = body.status as string;
        if (!VALID_STATUSES.includes(status)) {
            throw meteorError('error-invalid-status', 'Valid status types include online, away, offline, and busy.', { method: 'users.setStatus' });
        }
        if (status === 'offline' && ws.settings.value('Accounts_AllowInvisibleStatusOption') !== true) {
            throw meteorError('error-status-not-allowed', 'Invisible status is disabled', { method: 'users.setStatus' });
        }
        // written straight to the user (not through the presence service) and broadcast on the broker
        await ws.users.updateFields(user._id, { status, statusDefault: status });
        const { _id, username, statusText, roles, name } = user;
        ws.events.emit('presence.status', { user: { status, _id, username, statusText, roles, name }, previousStatus: user.status });
    }
    return ok();
}
