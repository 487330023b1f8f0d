import { UserPresence } from './presets';

/** The state of a user's connections, as Rocket.Chat reports it in `statusConnection`. */
export type ConnectionState = 'online' | 'away' | 'offline' | string | undefined;

function isConnected(connection: ConnectionState): boolean {
    return connection === 'online' || connection === 'away' || connection === 'busy';
}

/**
 * Rocket.Chat's rule for the status others see: disconnected means `offline`; connected with
 * a manual default of `online`, the connection's own state shows (it turns `away` when idle);
 * any other manual default (`away`, `busy`, `offline`) sticks.
 */
export function visibleStatus(connection: ConnectionState, manualDefault: UserPresence): UserPresence {
    if (!isConnected(connection)) {
        return 'offline';
    }
    if (manualDefault === 'online') {
        return connection === 'away' ? 'away' : 'online';
    }
    return manualDefault;
}

/**
 * The manual default behind a visible status, for restoring it later. The engine does not expose
 * Rocket.Chat's `statusDefault`, so it is inferred from what is visible; where that is ambiguous
 * (a disconnected user shows `offline` whatever the default; an idle user with default `online`
 * or `away` shows `away`), the default the app itself last set wins when it fits, else `online`.
 */
export function inferManualDefault(status: string | undefined, connection: ConnectionState, lastKnownDefault?: UserPresence): UserPresence {
    if (!isConnected(connection)) {
        return lastKnownDefault ?? 'online';
    }
    if (status === connection) {
        // online over online can only be the default online; away over away is online or away
        return status === 'away' && lastKnownDefault === 'away' ? 'away' : 'online';
    }
    if (status === 'away' || status === 'busy' || status === 'offline') {
        return status;
    }
    return 'online';
}
