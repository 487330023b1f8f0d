import type { Router } from '../Router';
import type { Workspace } from '../../Workspace';
import { bodyObject, requireUser } from '../guards';
import { failure, forbidden, ok } from '../respond';
import { DEFAULT_ROLES } from '../../services/Permissions';

/**
 * apps/meteor/app/api/server/v1/permissions.ts, for the permissions the workspace checks:
 * `GET permissions.listAll` and `POST permissions.update {permissions:[{_id, roles}]}`
 * (`access-permissions`): every permission must exist and every role must be one of Rocket.Chat's
 * roles, else nothing changes.
 */
export function permissionRoutes(router: Router, ws: Workspace): void {
    router.get('/api/v1/permissions.listAll', async (ctx) => {
        requireUser(ctx);
        return ok({ update: ws.permissions.list(), remove: [] });
    });

    router.post('/api/v1/permissions.update', async (ctx) => {
        const user = requireUser(ctx);
        if (!ws.permissions.has(user, 'access-permissions')) throw forbidden();
        const body = bodyObject(ctx);
        const list = body.permissions;
        const valid =
            Object.keys(body).length === 1 &&
            Array.isArray(list) &&
            list.every(
                (p: unknown) =>
                    !!p &&
                    typeof p === 'object' &&
                    Object.keys(p).every((k) => k === '_id' || k === 'roles') &&
                    typeof (p as { _id?: unknown })._id === 'string' &&
                    Array.isArray((p as { roles?: unknown }).roles) &&
                    (p as { roles: unknown[] }).roles.every((r) => typeof r === 'string') &&
                    new Set((p as { roles: string[] }).roles).size === (p as { roles: string[] }).roles.length,
            );
        if (!valid) throw failure('Invalid body params', 'error-invalid-body-params');
        const changes = list as Array<{ _id: string; roles: string[] }>;
        if (!changes.every((p) => ws.permissions.exists(p._id))) throw failure('Invalid permission', 'error-invalid-permission');
        if (!changes.every((p) => p.roles.every((role) => DEFAULT_ROLES.includes(role)))) throw failure('Invalid role', 'error-invalid-role');
        for (const change of changes) await ws.permissions.setRoles(change._id, change.roles);
        return ok({ permissions: ws.permissions.list() });
    });
}
