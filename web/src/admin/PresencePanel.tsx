import { Box, Button, Callout, Table, TableBody, TableCell, TableHead, TableRow } from '@rocket.chat/fuselage';
import { useCallback, useEffect, useState } from 'react';
import { Rest, RestError } from '../api/rest';
import { useI18n, type I18n } from '../i18n/I18n';
import { chartDays, chartScale, describeAudit, warningLevel, warningMarkPercent, type AuditEntry, type Connections, type HistoryDay } from './presenceData';
import { ACCESS_SETTINGS, readPanelSettings, readPresence, type PanelSettings, type PresenceReading } from './presenceReads';

const POLL_MS = 2000;

const formatDate = (language: string, date: string, options: Intl.DateTimeFormatOptions) => {
    try {
        return new Intl.DateTimeFormat(language, { timeZone: 'UTC', ...options }).format(new Date(`${date}T00:00:00Z`));
    } catch {
        return date;
    }
};

const formatTime = (language: string, ts: string) => {
    try {
        return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(ts));
    } catch {
        return ts;
    }
};

/** The bar: current / cap, with the early warning level as a mark. */
function ConnectionsBar({ connections, unlimited, warningPercent }: { connections: Connections; unlimited: boolean; warningPercent?: number }) {
    const { t } = useI18n();
    const percent = connections.max > 0 ? Math.min(100, Math.round((connections.current / connections.max) * 100)) : 0;
    const mark = warningMarkPercent(connections.max, warningPercent, unlimited);
    const level = warningPercent !== undefined ? warningLevel(connections.max, warningPercent) : undefined;
    const reached = mark !== undefined && level !== undefined && connections.current >= level;
    return (
        <>
            <div
                className="page-bar"
                data-qa="presence-bar"
                data-current={connections.current}
                data-max={connections.max}
                data-warning-level={mark !== undefined ? level : undefined}
            >
                <div
                    className={`page-bar-fill${percent >= 100 ? ' page-bar-fill--full' : reached ? ' page-bar-fill--warning' : ''}`}
                    style={{ width: `${unlimited ? 0 : percent}%` }}
                />
                {mark !== undefined && (
                    <div
                        className="page-bar-mark"
                        data-qa="presence-warning-mark"
                        style={{ left: `${mark}%` }}
                        title={t('presence_warning_mark', { level: level ?? '' })}
                    />
                )}
            </div>
            <Box fontScale="p2" mbs="x4" data-qa="presence-count">
                {unlimited ? (
                    t('presence_no_cap', { current: connections.current })
                ) : (
                    <>
                        {t('presence_of_cap', { current: connections.current, max: connections.max })}
                        {connections.max > 0 && (
                            <Box is="span" color="hint">
                                {' · '}
                                {t('presence_percent', { percent })}
                            </Box>
                        )}
                    </>
                )}
            </Box>
        </>
    );
}

function HistoryChart({ history, language }: { history: HistoryDay[]; language: string }) {
    const days = chartDays(history, new Date(), 14);
    const scale = chartScale(days);
    return (
        <div className="page-history" data-qa="presence-history-chart">
            {days.map(({ date, day }) => (
                <div
                    key={date}
                    className="page-history-day"
                    data-qa="presence-history-day"
                    data-date={date}
                    data-peak={day ? day.peak : ''}
                    title={`${date}: ${day ? `${day.peak}${day.cap ? ` / ${day.cap}` : ''}` : '–'}`}
                >
                    <div className="page-history-value">{day ? day.peak : ''}</div>
                    <div className="page-history-track">
                        <div
                            className={`page-history-bar${day && day.cap > 0 && day.peak > day.cap ? ' page-history-bar--over' : ''}`}
                            style={{ height: `${day ? Math.max(day.peak > 0 ? 4 : 0, Math.round((day.peak / scale) * 100)) : 0}%` }}
                        />
                    </div>
                    <div className="page-history-label">{formatDate(language, date, { day: 'numeric', month: 'numeric' })}</div>
                </div>
            ))}
        </div>
    );
}

function HistoryTable({ history, language }: { history: HistoryDay[]; language: string }) {
    const { t } = useI18n();
    const rows = [...history].sort((a, b) => (a.date < b.date ? 1 : -1));
    return (
        <Box className="page-history-table" data-qa="presence-history-table">
            <Table sticky striped fixed>
                <TableHead>
                    <TableRow>
                        <TableCell>{t('presence_history_date')}</TableCell>
                        <TableCell align="end">{t('presence_history_peak')}</TableCell>
                        <TableCell align="end">{t('presence_history_cap')}</TableCell>
                    </TableRow>
                </TableHead>
                <TableBody>
                    {rows.map((day) => (
                        <TableRow key={day.date} data-qa="presence-history-row" data-date={day.date}>
                            <TableCell>{formatDate(language, day.date, { dateStyle: 'medium' })}</TableCell>
                            <TableCell align="end">{day.peak}</TableCell>
                            <TableCell align="end">{day.cap > 0 ? day.cap : t('presence_history_no_cap')}</TableCell>
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
        </Box>
    );
}

function AuditList({ entries, i18n }: { entries: AuditEntry[]; i18n: I18n }) {
    if (!entries.length) {
        return (
            <Box color="hint" fontScale="p2" data-qa="presence-audit-empty">
                {i18n.t('presence_audit_empty')}
            </Box>
        );
    }
    return (
        <Box is="ul" className="page-audit" data-qa="presence-audit">
            {entries.map((entry) => {
                const { who, what, source } = describeAudit(entry);
                return (
                    <li key={entry._id} data-qa="presence-audit-entry" data-action={entry.action} data-source={entry.source}>
                        <Box is="span" color="hint" fontScale="c1">
                            {formatTime(i18n.language, entry.ts)}
                        </Box>{' '}
                        <Box is="span" fontScale="p2">
                            <strong>{who}</strong> {what}
                        </Box>{' '}
                        <Box is="span" color="hint" fontScale="c1">
                            ({source})
                        </Box>
                    </li>
                );
            })}
        </Box>
    );
}

/**
 * The admins' presence panel: the app's `presence.getConnections` (current / cap as a bar, with the
 * early warning level marked), whose count it is (Rocket.Chat's own, or the app's estimate and how
 * to make it exact), whether presence is on (Rocket.Chat's public `Presence_broadcast_disabled`,
 * which the page already follows; with `presence.enableBroadcast`), the daily peaks of
 * `presence.history` (a chart of the last 14 days and a table of the kept 90) and the last entries
 * of `status.audit`. The app's settings are read once when the panel opens; only the presence
 * endpoints are re-read, every 2 seconds while it is open.
 */
export function PresencePanel({
    rest,
    appId,
    broadcastDisabled,
    onOpenSettings,
}: {
    rest: Rest;
    appId: string;
    broadcastDisabled: boolean;
    onOpenSettings: () => void;
}) {
    const i18n = useI18n();
    const { t, appT, language } = i18n;
    const [settings, setSettings] = useState<PanelSettings>();
    const [settingsError, setSettingsError] = useState<string>();
    const [snapshot, setSnapshot] = useState<PresenceReading>({});
    const [actionError, setActionError] = useState<string>();

    useEffect(() => {
        let stopped = false;
        readPanelSettings(rest, appId).then(
            (read) => !stopped && setSettings(read),
            (err) => !stopped && setSettingsError(err instanceof RestError ? err.message : String(err)),
        );
        return () => {
            stopped = true;
        };
    }, [rest, appId]);

    const read = useCallback(() => readPresence(rest, appId), [rest, appId]);

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
            await rest.post(`/api/apps/public/${encodeURIComponent(appId)}/presence.enableBroadcast`);
            setSnapshot(await read());
        } catch (err) {
            setActionError(err instanceof RestError ? err.message : String(err));
        }
    };

    const { connections, history, audit } = snapshot;
    const warningPercent = settings?.warningPercent;
    const enabled = !broadcastDisabled;
    const unlimited = settings?.unlimited === true;
    const accessLabels = ACCESS_SETTINGS.map((id) => `“${appT(appId, settings?.labels[id]) || id}”`).join(', ');
    const level = connections && warningPercent !== undefined ? warningLevel(connections.max, warningPercent) : undefined;

    return (
        <Box className="page-admin" data-qa="presence-panel">
            <Box is="h2" fontScale="h2" mbs={0} mbe="x16">
                {t('presence_title')}
            </Box>
            <Box is="h3" fontScale="p2b" mbs={0} mbe="x4">
                {t('presence_connections')}
            </Box>
            {connections ? (
                <>
                    <ConnectionsBar connections={connections} unlimited={unlimited} warningPercent={warningPercent} />
                    <Box fontScale="c1" color="hint" mbs="x4" data-qa="presence-source" data-source={connections.source ?? ''}>
                        {connections.source === 'estimate' ? (
                            <>
                                {t('presence_estimate', { settings: accessLabels })}{' '}
                                <button type="button" className="page-link" onClick={onOpenSettings} data-qa="presence-open-settings">
                                    {t('presence_open_settings')}
                                </button>
                            </>
                        ) : (
                            t('presence_source_workspace')
                        )}
                    </Box>
                </>
            ) : (
                <Box color="hint">{snapshot.connectionsError ? t('presence_unavailable', { error: snapshot.connectionsError }) : t('loading')}</Box>
            )}
            {settingsError && (
                <Callout type="danger" mbs="x8" data-qa="presence-settings-error">
                    {t('presence_unavailable', { error: settingsError })}
                </Callout>
            )}
            <Callout type={enabled ? 'success' : 'warning'} mbs="x16" data-qa="presence-state" data-enabled={String(enabled)}>
                {enabled ? t('presence_on') : t('presence_off')}
                {!enabled && (
                    <Box mbs="x8">
                        <Button small primary onClick={() => void enable()} data-qa="presence-enable">
                            {t('presence_enable')}
                        </Button>
                    </Box>
                )}
            </Callout>
            {actionError && (
                <Callout type="danger" mbs="x8" data-qa="presence-action-error">
                    {actionError}
                </Callout>
            )}
            {warningPercent !== undefined && (
                <Box mbs="x16" data-qa="presence-warning" data-percent={warningPercent} data-level={level ?? ''}>
                    <Box is="h3" fontScale="p2b" m={0}>
                        {t('presence_warnings')}
                    </Box>
                    <Box fontScale="p2" data-qa="presence-warning-text">
                        {unlimited
                            ? t('presence_warning_unlimited')
                            : warningPercent <= 0
                              ? t('presence_warning_off')
                              : t('presence_warning_level', { percent: warningPercent, level: level ?? '' })}
                    </Box>
                    {!unlimited && warningPercent > 0 && connections && level !== undefined && connections.current >= level && (
                        <Box fontScale="p2" color="danger" data-qa="presence-warning-reached">
                            {t('presence_warning_reached')}
                        </Box>
                    )}
                </Box>
            )}
            {history && (
                <Box mbs="x16" data-qa="presence-history">
                    <Box is="h3" fontScale="p2b" mbs={0} mbe="x8">
                        {t('presence_history')}
                    </Box>
                    <HistoryChart history={history} language={language} />
                </Box>
            )}
            {audit && (
                <Box mbs="x16">
                    <Box is="h3" fontScale="p2b" mbs={0} mbe="x8">
                        {t('presence_audit')}
                    </Box>
                    <AuditList entries={audit} i18n={i18n} />
                </Box>
            )}
            {history && (
                <Box mbs="x16">
                    <Box is="h3" fontScale="p2b" mbs={0} mbe="x8">
                        {t('presence_history_table')}
                    </Box>
                    {history.length ? (
                        <HistoryTable history={history} language={language} />
                    ) : (
                        <Box color="hint" fontScale="p2">
                            {t('presence_history_empty')}
                        </Box>
                    )}
                </Box>
            )}
        </Box>
    );
}
