/**
 * Rocket.Chat's own timing for a bench's workspace (the test helper shortens these): Agenda's 5 s scan,
 * `updateConns`' 30 s throttle, the settings watchers' 500 ms debounce (workspace/config.ts).
 */
export const FAITHFUL_TIMING: Record<string, string> = {
    SCHEDULER_TICK_MS: '5000',
    CONNECTIONS_REFRESH_MS: '30000',
    SETTINGS_DEBOUNCE_MS: '500',
};
