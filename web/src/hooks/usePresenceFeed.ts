import { useEffect } from 'react';
import type { Realtime } from '../api/realtime';
import type { Rest } from '../api/rest';
import type { PresenceStatus } from '../api/types';
import type { PresenceStore } from '../presence/PresenceStore';

interface PresenceUser {
    _id: string;
    username: string;
    name?: string;
    status: PresenceStatus;
    statusText?: string;
}

/**
 * Fills the presence store as Rocket.Chat's client does: `GET users.presence` (everyone not offline),
 * then `stream-user-presence` for the ids it shows (`{added: [...]}`), plus `stream-notify-logged`
 * `user-status`, which tells about users the page has not seen yet.
 */
export function usePresenceFeed(rest: Rest, realtime: Realtime, store: PresenceStore, selfId: string): void {
    useEffect(() => {
        let stopped = false;
        const watched = new Set<string>();
        const subs: Array<{ stop: () => void }> = [];
        const watch = (ids: string[]) => {
            const added = ids.filter((id) => !watched.has(id));
            if (!added.length) return;
            added.forEach((id) => watched.add(id));
            subs.push(realtime.subscribe('stream-user-presence', '', { added }));
        };
        const load = async () => {
            try {
                const { users } = await rest.get<{ users: PresenceUser[] }>('/api/v1/users.presence');
                if (stopped) return;
                users.forEach((u) => store.update(u));
                watch([selfId, ...users.map((u) => u._id)]);
            } catch {
                // shown as offline until a stream event says otherwise
            }
        };
        // a user first seen on a stream whose event carried no display name: read it once (users.info)
        const asked = new Set<string>();
        const nameOf = (uid: string) => {
            if (asked.has(uid) || store.get(uid)?.name) return;
            asked.add(uid);
            rest.get<{ user: { username?: string; name?: string } }>('/api/v1/users.info', { userId: uid })
                .then(({ user }) => {
                    if (!stopped && user?.name) store.update({ _id: uid, name: user.name, ...(user.username ? { username: user.username } : {}) });
                })
                .catch(() => undefined);
        };
        const offPresence = realtime.onStream('stream-user-presence', (uid, args) => {
            store.fromPresenceStream(uid, args);
            nameOf(uid);
        });
        const offLogged = realtime.onStream('stream-notify-logged', (eventName, args) => {
            if (eventName !== 'user-status') return;
            const uid = store.fromUserStatusStream(args);
            if (uid) {
                watch([uid]);
                nameOf(uid);
            }
        });
        subs.push(realtime.subscribe('stream-notify-logged', 'user-status', { useCollection: false, args: [] }));
        void load();
        // after presence broadcast comes back on, read everyone again (Rocket.Chat resets its store)
        let wasDisabled = store.isBroadcastDisabled();
        const offStore = store.subscribe(() => {
            const disabled = store.isBroadcastDisabled();
            if (wasDisabled && !disabled) void load();
            wasDisabled = disabled;
        });
        return () => {
            stopped = true;
            offPresence();
            offLogged();
            offStore();
            subs.forEach((s) => s.stop());
        };
    }, [rest, realtime, store, selfId]);
}
