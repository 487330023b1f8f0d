import { IApiEndpoint } from '@rocket.chat/apps-engine/definition/api';

import { fail, forbidden, invalid, ok } from '../core/AppError';
import { capExceededText } from '../core/presence/ConnectionCap';
import { PresenceApp } from '../services/presence/PresenceApp';
import { checkPresence } from '../services/presence/presenceCheck';
import { enablePresence } from '../services/presence/presenceSwitch';
import { canManageUserStatus } from '../services/rights';
import { ChangeErrors } from '../core/change/changeErrors';
import { appEndpoint } from './appEndpoint';

/**
 * `GET presence.getConnections`: `{current, max, source}`, `max` being the app's cap and `source`
 * `workspace` (Rocket.Chat's own count) or `estimate` (the users online the app saw). While
 * Rocket.Chat's rate limiter refuses a fresh read, `current` is the last exact count and the answer
 * carries `stale: true` and `ageSeconds`, how long ago it was read.
 */
export function presenceGetConnectionsEndpoint(app: PresenceApp): IApiEndpoint {
    return appEndpoint(app, 'presence.getConnections', {
        get: async ({ user, read, modify, http, persistence }) => {
            if (!(await canManageUserStatus(read, user))) {
                return fail(forbidden());
            }
            // a fresh count, acted on like any other (over the cap, the service turns off)
            const { count, config } = await checkPresence(app, { read, modify, http, persis: persistence }, { revalidateWhenOff: true });
            const age = count.stale ? { stale: true, ageSeconds: Math.max(0, Math.round((Date.now() - Date.parse(count.at)) / 1000)) } : {};
            return ok({ current: count.current, max: config.cap, source: count.source, ...age });
        },
    });
}

/**
 * `POST presence.enableBroadcast`, as Rocket.Chat's: turns the presence service back on; refused
 * while over the app's cap (400 `Cannot enable broadcast when there are more than <cap>
 * connections`), or when Rocket.Chat itself refuses (its own text).
 */
export function presenceEnableBroadcastEndpoint(app: PresenceApp): IApiEndpoint {
    return appEndpoint(app, 'presence.enableBroadcast', {
        post: async ({ user, read, modify, http, persistence }) => {
            if (!(await canManageUserStatus(read, user))) {
                return fail(forbidden());
            }
            const outcome = await enablePresence(app, { read, modify, http, persis: persistence }, { source: 'rest', actor: user });
            switch (outcome.kind) {
                case 'enabled':
                case 'already':
                    return ok({});
                case 'refused':
                    return fail(invalid(capExceededText(outcome.cap)));
                case 'refusedByServer':
                    return fail(invalid(outcome.text));
                case 'failed':
                    return fail(ChangeErrors.nothingChanged());
            }
        },
    });
}
