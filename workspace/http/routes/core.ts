import type { Router } from '../Router';
import { instanceOf, type Workspace } from '../../Workspace';
import { bodyObject, requireAdmin, requireUser } from '../guards';
import { failure, forbidden, ok } from '../respond';
import { HttpError } from '../types';
import type { UserDoc } from '../../services/Users';
import { userInfo } from './userViews';

/** /api/info, login/logout/me, settings. Users and presence live in their own route files. */
export function coreRoutes(router: Router, ws: Workspace): void {
    router.get('/api/info', async () => ok({ version: ws.config.version }));

    // apps/meteor/app/api/server/api.ts `_initAuth`: the REST login runs Meteor's `login` method, so
    // Accounts.validateLoginAttempt fires IPostUserLoggedIn for a password login and not for a resume.
    router.post('/api/v1/login', async (ctx) => {
        const body = bodyObject(ctx);
        let result: { user: UserDoc; token: string } | null = null;
        let resumed = false;
        if (typeof body.resume === 'string') {
            const user = await ws.users.resolveToken(body.resume);
            if (user) result = { user, token: body.resume };
            resumed = true;
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
        if (!resumed) {
            // validateLoginAttempt awaits the apps' IPostUserLoggedIn before the login answers
            await instanceOf(ws, ctx.instance).engine.postUserLoggedIn(fresh);
        }
        return { status: 200, body: { status: 'success', data: { userId: fresh._id, authToken: result.token, me: userInfo(fresh, ws) } } };
    });

    // Restivus' logout, GET and POST: the token goes; no app event (IPostUserLoggedOut comes from logoutCleanUp).
    const logout = async (ctx: Parameters<Parameters<Router['get']>[1]>[0]) => {
        requireUser(ctx);
        await ws.users.revokeToken(String(ctx.req.headers['x-auth-token']));
        return { status: 200, body: { status: 'success', data: { message: "You've been logged out!" } } };
    };
    router.get('/api/v1/logout', logout);
    router.post('/api/v1/logout', logout);

    router.get('/api/v1/me', async (ctx) => ({ status: 200, body: { ...userInfo(requireUser(ctx), ws), success: true } }));

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
