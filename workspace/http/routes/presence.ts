import type { Router } from '../Router';
import type { Workspace } from '../../Workspace';
import { requireUser } from '../guards';
import { failure, forbidden, ok } from '../respond';
import type { RequestContext } from '../types';
import type { UserDoc } from '../../services/UserDoc';

/** apps/meteor/app/api/server/v1/presence.ts */
export function presenceRoutes(router: Router, ws: Workspace): void {
    /**
     * `manage-user-status` (admin by default; permissions.update may grant it to other roles). A
     * caller without it: 403 `User does not have the permissions required for this action
     * [error-unauthorized]` (the REST wrapper's permissionsRequired check).
     */
    const requireManageUserStatus = (ctx: RequestContext): UserDoc => {
        const user = requireUser(ctx);
        if (!ws.permissions.has(user, 'manage-user-status')) throw forbidden();
        return user;
    };

    router.get('/api/v1/presence.getConnections', async (ctx) => {
        requireManageUserStatus(ctx);
        return ok(ws.presence.connections());
    });

    // Rocket.Chat also marks it twoFactorRequired (see workspace/README.md); a thrown Error answers
    // 400 {success:false, error:<message>}, as API.v1.failure does. It turns broadcast on in the
    // presence service of the instance that serves the request only (one service per instance).
    router.post('/api/v1/presence.enableBroadcast', async (ctx) => {
        requireManageUserStatus(ctx);
        try {
            await ws.presence.toggleBroadcast(true, ctx.instance);
        } catch (err) {
            throw failure(err instanceof Error ? err.message : String(err));
        }
        return ok();
    });
}
