import type { Router } from '../Router';
import type { Workspace } from '../../Workspace';
import { bodyObject, requireAdmin, requireUser, optionalString } from '../guards';
import { failure, forbidden, ok } from '../respond';
import { HttpError } from '../types';
import { publicUser, UserError, type UserDoc } from '../../services/Users';

/** The `me` / `users.info` shape: public fields, never services. */
export function userView(user: UserDoc): Record<string, unknown> {
    const u = publicUser(user);
    return { ...u, email: u.emails?.[0]?.address };
}

/** /api/info, login/logout/me, users.*, settings, presence.getConnections, users.presence. */
export function coreRoutes(router: Router, ws: Workspace): void {
    router.get('/api/info', async () => ok({ version: ws.config.version }));

    router.post('/api/v1/login', async (ctx) => {
        const body = bodyObject(ctx);
        let result: { user: UserDoc; token: string } | null = null;
        if (typeof body.resume === 'string') {
            const user = await ws.users.resolveToken(body.resume);
            if (user) result = { user, token: await ws.users.issueToken(user._id) };
        } else {
            const userField = body.user ?? body.username ?? body.email;
            const name =
                typeof userField === 'string'
                    ? userField
                    : typeof userField === 'object' && userField
                      ? ((userField as { username?: string; email?: string }).username ?? (userField as { email?: string }).email)
                      : undefined;
            const password = body.password;
            if (typeof password === 'string' && name) {
                result = await ws.users.loginWithPassword(name, password);
            } else if (typeof password === 'object' && password && name && typeof (password as { digest?: unknown }).digest === 'string') {
                result = await ws.users.loginWithPassword(name, (password as { digest: string }).digest, true);
            }
        }
        if (!result) {
            throw new HttpError(401, { status: 'error', error: 'Unauthorized', message: 'Unauthorized' });
        }
        const fresh = (await ws.users.findById(result.user._id)) ?? result.user;
        return { status: 200, body: { status: 'success', data: { userId: fresh._id, authToken: result.token, me: userView(fresh) } } };
    });

    router.post('/api/v1/logout', async (ctx) => {
        const user = requireUser(ctx);
        await ws.users.revokeToken(String(ctx.req.headers['x-auth-token']));
        return { status: 200, body: { status: 'success', data: { message: "You've been logged out!" }, userId: user._id } };
    });

    router.get('/api/v1/me', async (ctx) => ({ status: 200, body: { ...userView(requireUser(ctx)), success: true } }));

    router.post('/api/v1/users.create', async (ctx) => {
        requireAdmin(ctx);
        const body = bodyObject(ctx);
        for (const field of ['username', 'email', 'name', 'password']) {
            if (typeof body[field] !== 'string' || !(body[field] as string).trim()) {
                throw failure(`Match error: Missing key '${field}'`);
            }
        }
        if (body.roles !== undefined && (!Array.isArray(body.roles) || body.roles.some((r) => typeof r !== 'string'))) {
            throw failure('Match error: Expected array of strings in field roles');
        }
        try {
            const user = await ws.users.create({
                username: body.username as string,
                email: body.email as string,
                name: body.name as string,
                password: body.password as string,
                roles: body.roles as string[] | undefined,
                active: typeof body.active === 'boolean' ? body.active : true,
            });
            return ok({ user: userView(user) });
        } catch (err) {
            if (err instanceof UserError) throw failure(err.message, err.errorType);
            throw err;
        }
    });

    router.post('/api/v1/users.delete', async (ctx) => {
        requireAdmin(ctx);
        const body = bodyObject(ctx);
        const user = await findTarget(ws, body.userId, body.username);
        if (user.type !== 'user') throw failure('Apps users cannot be deleted [error-invalid-user]', 'error-invalid-user');
        await ws.users.remove(user._id);
        return ok();
    });

    router.get('/api/v1/users.info', async (ctx) => {
        requireUser(ctx);
        const user = await findTarget(ws, ctx.query.userId, ctx.query.username);
        return ok({ user: userView(user) });
    });

    router.get('/api/v1/users.presence', async (ctx) => {
        requireUser(ctx);
        if (ws.settings.presenceBroadcastDisabled()) {
            return ok({ users: [], full: true });
        }
        const ids = ctx.query.ids ? ctx.query.ids.split(',') : undefined;
        const users = (await ws.users.find({ type: 'user', status: { $ne: 'offline' }, ...(ids ? { _id: { $in: ids } } : {}) })).map((u) => ({
            _id: u._id,
            username: u.username,
            name: u.name,
            status: u.status,
            utcOffset: u.utcOffset,
            ...(u.statusText ? { statusText: u.statusText } : {}),
        }));
        return ok({ users, full: !ids });
    });

    router.get('/api/v1/presence.getConnections', async (ctx) => {
        requireAdmin(ctx);
        return ok(ws.presence.connections());
    });

    router.get('/api/v1/settings/:id', async (ctx) => {
        const user = requireUser(ctx);
        const setting = ws.settings.get(ctx.params.id);
        if (!setting || setting.secret) {
            throw failure('Invalid setting [error-invalid-setting]', 'error-invalid-setting');
        }
        if (!setting.public && !user.roles.includes('admin')) throw forbidden();
        return ok({ _id: setting._id, value: setting.value });
    });

    router.post('/api/v1/settings/:id', async (ctx) => {
        requireAdmin(ctx);
        const body = bodyObject(ctx);
        if (!('value' in body)) throw failure("Match error: Missing key 'value'");
        try {
            await ws.settings.set(ctx.params.id, body.value);
        } catch (err) {
            throw failure(err instanceof Error ? err.message : String(err), 'error-invalid-setting');
        }
        return ok();
    });
}

export async function findTarget(ws: Workspace, userId: unknown, username: unknown): Promise<UserDoc> {
    const id = optionalString(userId, 'userId');
    const name = optionalString(username, 'username');
    if (!id && !name) {
        throw failure('The required "userId" or "username" param was not provided [error-user-param-not-provided]', 'error-user-param-not-provided');
    }
    const user = id ? await ws.users.findById(id) : await ws.users.findByUsername(name!);
    if (!user) {
        throw failure('The required "userId" or "username" param provided does not match any users [error-invalid-user]', 'error-invalid-user');
    }
    return user;
}
