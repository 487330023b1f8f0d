import type { AuditEntry, Connections, HistoryDay } from './presenceData';

/** What the panel asks of the REST API (small, so tests can stand in). */
export interface RestReader {
    get<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T>;
}

export const AUDIT_SHOWN = 8;
/** The access settings that make the count Rocket.Chat's own (SPEC section 3). */
export const ACCESS_SETTINGS = ['presence_workspace_url', 'presence_workspace_user_id', 'presence_workspace_access_token'] as const;

/** The settings the panel shows: read once when it opens. */
export interface PanelSettings {
    unlimited: boolean;
    warningPercent?: number;
    /** the access settings' i18n labels (never their values) */
    labels: Record<string, string | undefined>;
}

/** What the panel re-reads on its interval: the app's presence endpoints only. */
export interface PresenceReading {
    connections?: Connections;
    connectionsError?: string;
    history?: HistoryDay[];
    audit?: AuditEntry[];
}

type SettingsMap = Record<string, { value?: unknown; packageValue?: unknown; i18nLabel?: string }>;

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * `GET /api/apps/:id/settings`, kept to what the panel shows: whether there is a cap, the warning
 * level, the access settings' labels. The answer carries every setting's value (the access token
 * too), so the panel asks once, when it opens, and keeps none of the values it does not show.
 */
export async function readPanelSettings(rest: RestReader, appId: string): Promise<PanelSettings> {
    const { settings: map } = await rest.get<{ settings: SettingsMap }>(`/api/apps/${encodeURIComponent(appId)}/settings`);
    const value = (id: string) => (map[id] ? (map[id].value ?? map[id].packageValue) : undefined);
    const percent = value('presence_warning_percent');
    return {
        unlimited: value('presence_cap_unlimited') === true,
        ...(percent !== undefined && percent !== '' && percent !== null && Number.isFinite(Number(percent)) ? { warningPercent: Number(percent) } : {}),
        labels: Object.fromEntries(ACCESS_SETTINGS.map((id) => [id, map[id]?.i18nLabel])),
    };
}

/** The app's `presence.getConnections`, `presence.history` and the last entries of `status.audit`, in parallel. */
export async function readPresence(rest: RestReader, appId: string): Promise<PresenceReading> {
    const base = `/api/apps/public/${encodeURIComponent(appId)}`;
    const [connections, history, audit] = await Promise.allSettled([
        rest.get<Connections>(`${base}/presence.getConnections`),
        rest.get<{ days: HistoryDay[] }>(`${base}/presence.history`),
        rest.get<{ entries: AuditEntry[] }>(`${base}/status.audit`, { count: AUDIT_SHOWN }),
    ]);
    const reading: PresenceReading = {};
    if (connections.status === 'fulfilled') reading.connections = connections.value;
    else reading.connectionsError = describe(connections.reason);
    if (history.status === 'fulfilled' && Array.isArray(history.value.days)) reading.history = history.value.days;
    if (audit.status === 'fulfilled' && Array.isArray(audit.value.entries)) reading.audit = audit.value.entries;
    return reading;
}
