import type { Users } from './Users';
import type { Events } from './Events';

/**
 * Rocket.Chat's setStatusText (app/lib/server/functions/setStatusText.ts): trim, cut to 120 UTF-16
 * units (`substr`, which may split a surrogate pair), write when different, and broadcast
 * `presence.status` with the unchanged status straight on the broker: this path is not the presence
 * service's, so it is not held back while presence broadcast is off.
 */
export async function setStatusText(users: Users, events: Events, userId: string, text: string): Promise<boolean> {
    const statusText = text.trim().substr(0, 120);
    const user = await users.findById(userId);
    if (!user) {
        return false;
    }
    if (user.statusText === statusText) {
        return true;
    }
    await users.updateFields(userId, { statusText });
    const { _id, username, status, name, roles } = user;
    events.emit('presence.status', { user: { _id, username, status, statusText, name, roles }, previousStatus: status });
    return true;
}
