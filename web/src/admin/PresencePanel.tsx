import { Box, Button, Callout } from '@rocket.chat/fuselage';
import { useCallback, useEffect, useState } from 'react';
import { Rest, RestError } from '../api/rest';
import { useI18n } from '../i18n/I18n';

const POLL_MS = 2000;

interface Connections {
    current: number;
    max: number;
    source?: string;
}

interface HistoryDay {
    date: string;
    peak: number;
    cap?: number;
}

interface Snapshot {
    connections?: Connections;
    connectionsError?: string;
    enabled?: boolean;
    unlimited?: boolean;
    warningPercent?: number;
    history?: HistoryDay[];
}

/**
 * The admins' presence panel: the app's `presence.getConnections` (current / cap as a bar), the
 * service's state from the app's settings, the warning level and the daily history when the app
 * serves them (`presence.history`). Re-read every 2 seconds while open.
 */
export function PresencePanel({ rest, appId }: { rest: Rest; appId: string }) {
    const { t } = useI18n();
    const [snapshot, setSnapshot] = useState<Snapshot>({});
    const [actionError, setActionError] = useState<string>();
    const base = `/api/apps/public/${encodeURIComponent(appId)}`;

    const read = useCallback(async (): Promise<Snapshot> => {
        const next: Snapshot = {};
        try {
            next.connections = await rest.get<Connections>(`${base}/presence.getConnections`);
        } catch (err) {
            next.connectionsError = err instanceof RestError ? err.message : String(err);
        }
        try {
            const { settings } = await rest.get<{ settings: Record<string, { value?: unknown; packageValue?: unknown }> }>(
                `/api/apps/${encodeURIComponent(appId)}/settings`,
            );
            const value = (id: string) => (settings[id] ? (settings[id].value ?? settings[id].packageValue) : undefined);
            next.enabled = value('presence_service_enabled') === true;
            next.unlimited = value('presence_cap_unlimited') === true;
            const percent = value('presence_warning_percent');
            if (percent !== undefined) next.warningPercent = Number(percent);
        } catch {
            // settings are admin-only; the panel is too
        }
        try {
            next.history = (await rest.get<{ days: HistoryDay[] }>(`${base}/presence.history`)).days;
        } catch {
            // not served by this version of the app
        }
        return next;
    }, [rest, appId, base]);

    useEffect(() => {
        let stopped = false;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const tick = async () => {
            const next = await read();
            if (stopped) return;
            setSnapshot(next);
            timer = setTimeout(tick, POLL_MS);
        };
        void tick();
        return () => {
            stopped = true;
            if (timer) clearTimeout(timer);
        };
    }, [read]);

    const enable = async () => {
        setActionError(undefined);
        try {
            await rest.post(`${base}/presence.enableBroadcast`);
            setSnapshot(await read());
        } catch (err) {
            setActionError(err instanceof RestError ? err.message : String(err));
        }
    };

    const { connections, history } = snapshot;
    const percent = connections && connections.max > 0 ? Math.min(100, Math.round((connections.current / connections.max) * 100)) : 0;
    const peak = Math.max(1, ...(history ?? []).map((d) => Math.max(d.peak, d.cap ?? 0)));

    return (
        <Box className="page-admin" data-qa="presence-panel">
            <Box fontScale="h2" mbe="x16">
                {t('presence_title')}
            </Box>
            <Box fontScale="p2b" mbe="x4">
                {t('presence_connections')}
            </Box>
            {connections ? (
                <>
                    <div className="page-bar" data-qa="presence-bar" data-current={connections.current} data-max={connections.max}>
                        <div
                            className={`page-bar-fill${percent >= 100 ? ' page-bar-fill--full' : ''}`}
                            style={{ width: `${snapshot.unlimited ? 0 : percent}%` }}
                        />
                    </div>
                    <Box fontScale="p2" mbs="x4" data-qa="presence-count">
                        {snapshot.unlimited
                            ? t('presence_no_cap', { current: connections.current })
                            : t('presence_of_cap', connections as unknown as Record<string, number>)}
                    </Box>
                    {connections.source === 'estimate' && (
                        <Box fontScale="c1" color="hint">
                            {t('presence_estimate')}
                        </Box>
                    )}
                </>
            ) : (
                <Box color="hint">{snapshot.connectionsError ? t('presence_unavailable', { error: snapshot.connectionsError }) : t('loading')}</Box>
            )}
            {snapshot.enabled !== undefined && (
                <Callout type={snapshot.enabled ? 'success' : 'warning'} mbs="x16" data-qa="presence-state" data-enabled={String(snapshot.enabled)}>
                    {snapshot.enabled ? t('presence_on') : t('presence_off')}
                    {!snapshot.enabled && (
                        <Box mbs="x8">
                            <Button small primary onClick={() => void enable()} data-qa="presence-enable">
                                {t('presence_enable')}
                            </Button>
                        </Box>
                    )}
                </Callout>
            )}
            {actionError && (
                <Callout type="danger" mbs="x8">
                    {actionError}
                </Callout>
            )}
            {snapshot.warningPercent !== undefined && (
                <Box mbs="x16">
                    <Box fontScale="p2b">{t('presence_warnings')}</Box>
                    <Box fontScale="p2">{t('presence_warning_level', { percent: snapshot.warningPercent })}</Box>
                </Box>
            )}
            {history && history.length > 0 && (
                <Box mbs="x16" data-qa="presence-history">
                    <Box fontScale="p2b" mbe="x8">
                        {t('presence_history')}
                    </Box>
                    <div className="page-history">
                        {history.map((d) => (
                            <div key={d.date} className="page-history-day" title={`${d.date}: ${d.peak}${d.cap ? ` / ${d.cap}` : ''}`}>
                                <div className="page-history-bar" style={{ height: `${Math.round((d.peak / peak) * 100)}%` }} />
                            </div>
                        ))}
                    </div>
                </Box>
            )}
        </Box>
    );
}
