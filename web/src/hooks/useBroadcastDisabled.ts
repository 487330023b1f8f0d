import { useEffect, useState } from 'react';
import type { Rest } from '../api/rest';
import type { PresenceStore } from '../presence/PresenceStore';

const POLL_MS = 2000;

/**
 * The public setting `Presence_broadcast_disabled`, which Rocket.Chat's client watches to show
 * everyone as disabled and the sidebar banner. Rocket.Chat pushes public settings on a stream the
 * local workspace does not carry, so the page re-reads the setting every 2 seconds.
 */
export function useBroadcastDisabled(rest: Rest, store: PresenceStore): boolean {
    const [disabled, setDisabled] = useState(store.isBroadcastDisabled());
    useEffect(() => {
        let stopped = false;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const read = async () => {
            try {
                const { value } = await rest.get<{ value: unknown }>('/api/v1/settings/Presence_broadcast_disabled');
                if (stopped) return;
                store.setBroadcastDisabled(value === true);
                setDisabled(value === true);
            } catch {
                // keep the last known value
            }
            if (!stopped) timer = setTimeout(read, POLL_MS);
        };
        void read();
        return () => {
            stopped = true;
            if (timer) clearTimeout(timer);
        };
    }, [rest, store]);
    return disabled;
}
