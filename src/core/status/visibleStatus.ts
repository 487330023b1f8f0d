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
 * Rocket.Chat's `statusDefault`, so it is inferred: a status that just mirrors the connection
 * (or a disconnected user, whose default cannot be seen) means the default `online`.
 */
export function inferManualDefault(status: string | undefined, connection: ConnectionState): UserPresence {
    if (!isConnected(connection)) {
        return 'online';
    }
    if (status === connection) {
        return 'online';
    }
    if (status === 'away' || status === 'busy' || status === 'offline') {
        return status;
    }
    return 'online';
}
