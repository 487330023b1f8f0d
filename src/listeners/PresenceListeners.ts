/**
 * The user events the engine delivers, as Rocket.Chat really fires them (read in its source):
 * - IPostUserLoggedIn only for logins that are not a resume (a REST or DDP password login); real
 *   clients log in once and resume on every reconnect, so it is rare. Rocket.Chat awaits it before
 *   the login answers, and counts the new connection only after it: the listener notes the admin
 *   and arms a one-time job for the rest (the notice, the count read again a moment later);
 * - IPostUserStatusChanged only when the presence service changes a user's stored status, with a
 *   partial user (no connection status), never while presence broadcast is off;
 * - IPostUserLoggedOut only for an explicit logout.
 * None of them counts connections. Each is a hint that the count may have changed: the app reads
 * the count again at once (at most once a second), and keeps this instance's estimate of the
 * users online for when Rocket.Chat's exact count cannot be read.
 */
import { IUser, IUserStatusContext } from '@rocket.chat/apps-engine/definition/users';

import { armLoginFollowUp } from '../jobs/LoginFollowUpJob';
import { noteAdmin } from '../services/presence/admins';
import { onlineTally } from '../services/presence/OnlineTally';
import { PresenceAccess, PresenceApp, describeError } from '../services/presence/PresenceApp';
import { hintConnectionsChanged } from '../services/presence/presenceCheck';

async function guarded(app: PresenceApp, what: string, run: () => Promise<void>): Promise<void> {
    try {
        await run();
    } catch (error) {
        app.getLogger().error(`presence: handling ${what} failed: ${describeError(error)}`);
    }
}

/** On the login's path: a record write for an admin met for the first time, and a scheduler call at most. */
export async function onUserLoggedIn(app: PresenceApp, user: IUser, access: PresenceAccess): Promise<void> {
    await guarded(app, 'a login', async () => {
        await noteAdmin(access, user);
        await armLoginFollowUp(app, access, user);
    });
}

export async function onUserLoggedOut(app: PresenceApp, _user: IUser, access: PresenceAccess): Promise<void> {
    await guarded(app, 'a logout', () => hintConnectionsChanged(app, access));
}

export async function onUserStatusChanged(app: PresenceApp, context: IUserStatusContext, access: PresenceAccess): Promise<void> {
    const cameOnline = context.previousStatus === 'offline' && context.currentStatus !== 'offline';
    const wentOffline = context.previousStatus !== 'offline' && context.currentStatus === 'offline';
    if (!context.user?.id || (!cameOnline && !wentOffline)) {
        // a change between online, away and busy: no connection came or went
        return;
    }
    // an invisible user reads offline too: the estimate cannot tell them from a disconnected one
    onlineTally.observe(context.user.id, cameOnline);
    await guarded(app, 'a status change', () => hintConnectionsChanged(app, access));
}
