import { useEffect, useState } from 'react';
import type { Realtime } from '../api/realtime';
import type { Me } from '../api/types';
import type { PresenceStore } from '../presence/PresenceStore';

/**
 * The logged-in user, kept current by `stream-notify-user` `<uid>/userData` (Rocket.Chat's
 * `{type: 'updated', diff}`) and by their own presence events.
 */
export function useOwnUser(initial: Me, realtime: Realtime, store: PresenceStore): [Me, (me: Me) => void] {
    const [me, setMe] = useState(initial);
    useEffect(() => setMe(initial), [initial]);
    useEffect(() => {
        const off = realtime.onStream('stream-notify-user', (eventName, args) => {
            if (eventName !== `${initial._id}/userData`) return;
            const data = args[0] as { type?: string; diff?: Record<string, unknown> } | undefined;
            if (data?.type !== 'updated' || !data.diff) return;
            const diff = data.diff;
            setMe((current) => {
                const next: Me = { ...current };
                if (typeof diff.status === 'string') next.status = diff.status;
                if (typeof diff.statusText === 'string') next.statusText = diff.statusText;
                const language = diff['settings.preferences.language'];
                if (typeof language === 'string') next.settings = { preferences: { ...current.settings?.preferences, language } };
                return next;
            });
        });
        const sub = realtime.subscribe('stream-notify-user', `${initial._id}/userData`, { useCollection: false, args: [] });
        const offStore = store.subscribe(() => {
            const self = store.get(initial._id);
            if (self)
                setMe((current) =>
                    current.status === self.status && current.statusText === self.statusText
                        ? current
                        : { ...current, status: self.status, statusText: self.statusText ?? '' },
                );
        });
        return () => {
            off();
            offStore();
            sub.stop();
        };
    }, [realtime, store, initial._id]);
    return [me, setMe];
}
