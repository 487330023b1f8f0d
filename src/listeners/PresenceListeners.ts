/**
 * Connection counting from the events the engine delivers. What is counted, precisely:
 * - IPostUserLoggedIn (Rocket.Chat fires it for every successful login, each new realtime
 *   session resuming a token included): +1 for that user;
 * - IPostUserLoggedOut (an explicit logout of one session): -1 for that user, never below 0;
 * - IPostUserStatusChanged: when the user's connection status is `offline` (their last
 *   session closed; in Rocket.Chat a disconnect fires no logout), the user's count goes to 0.
 *   A change while connected changes nothing: it may arrive before or after the login event
 *   of the same session, so counting it would count that session twice.
 * A closed session of a user who keeps another one open fires no event in Rocket.Chat, so the
 * app's count can stay above the real one until that user's last session closes; sessions
 * opened before the app was installed are not counted until they log in again. The monitoring
 * job corrects both from the workspace's exact count when it has a URL and an access token.
 * Each event costs a fixed number of record reads and writes (PresenceRepository).
 */
import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser, IUserStatusContext, UserStatusConnection } from '@rocket.chat/apps-engine/definition/users';

import { PresenceApp, noteUser, recordConnections, sendInactiveNotice } from '../services/PresenceService';

export async function onUserLoggedIn(app: PresenceApp, user: IUser, read: IRead, http: IHttp, persis: IPersistence, modify: IModify): Promise<void> {
    const access = { read, http, persis, modify };
    await recordConnections(app, access, user.id, (count) => count + 1);
    await noteUser(access, user);
    await sendInactiveNotice(app, access, user);
}

export async function onUserLoggedOut(app: PresenceApp, user: IUser, read: IRead, http: IHttp, persis: IPersistence, modify: IModify): Promise<void> {
    await recordConnections(app, { read, http, persis, modify }, user.id, (count) => count - 1);
}

export async function onUserStatusChanged(
    app: PresenceApp,
    context: IUserStatusContext,
    read: IRead,
    http: IHttp,
    persis: IPersistence,
    modify: IModify,
): Promise<void> {
    const connection = context.user.statusConnection;
    const disconnected = connection === UserStatusConnection.OFFLINE || (connection === undefined && context.currentStatus === 'offline');
    if (disconnected) {
        await recordConnections(app, { read, http, persis, modify }, context.user.id, () => 0);
    }
}
