import { UserPresence } from './presets';

/** The state of a user's connections, as Rocket.Chat reports it in `statusConnection`. */
export type ConnectionState = 'online' | 'away' | 'offline' | string | undefined;

function isConnected(connection: ConnectionState): boolean {
    return connection === 'online' || connection === 'away' || connection === 'busy';
}

/**
 * The manual default behind a visible status, for restoring it later. Rocket.Chat's rule: a
 * disconnected user reads `offline` whatever their default; connected with the default `online`,
 * the connection's state shows (`away` when idle); any other default sticks. The engine does not
 * expose `statusDefault`, so where the visible status cannot tell (disconnected; idle over
 * `online`), `online` is assumed.
 */
export function inferManualDefault(status: string | undefined, connection: ConnectionState): UserPresence {
    if (!isConnected(connection) || status === connection) {
        return 'online';
    }
    if (status === 'away' || status === 'busy' || status === 'offline') {
        return status;
    }
    return 'online';
}

/** What the app set on a user (a status, a message, or both). */
export interface AppliedStatus {
    status?: UserPresence;
    message?: string;
}

/** What a user shows now. */
export interface ShownStatus {
    status?: string;
    statusText?: string;
    statusConnection?: ConnectionState;
}

/**
 * Whether a user still shows what the app set, so that restoring the previous status (at expiry,
 * at the end of a schedule) does not overwrite a status they chose since, in any client. A
 * visible status that only the connection explains (offline while disconnected, away while idle
 * over `online`) still counts as what was set.
 */
export function stillShowsApplied(shown: ShownStatus, applied: AppliedStatus): boolean {
    if (applied.message !== undefined && (shown.statusText ?? '') !== applied.message) {
        return false;
    }
    if (applied.status === undefined || shown.status === applied.status) {
        return true;
    }
    if (!isConnected(shown.statusConnection)) {
        return shown.status === 'offline' || shown.status === undefined;
    }
    return applied.status === 'online' && shown.status === shown.statusConnection;
}
