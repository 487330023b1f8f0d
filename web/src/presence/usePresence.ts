import { useEffect, useState } from 'react';
import type { PresenceStore } from './PresenceStore';

/** Re-renders on every change of the store (React 17 has no useSyncExternalStore). */
export function usePresenceVersion(store: PresenceStore): number {
    const [version, setVersion] = useState(store.getVersion());
    useEffect(() => {
        const stop = store.subscribe(() => setVersion(store.getVersion()));
        setVersion(store.getVersion());
        return stop;
    }, [store]);
    return version;
}
