import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';

import { renderConnectionBar } from '../../core/presence/ConnectionBar';
import { warningLevel } from '../../core/presence/EarlyWarning';
import { lastDates, renderHistoryChart } from '../../core/presence/History';
import { PRESENCE_MESSAGES, PresenceMessageKey } from '../../i18n/presenceMessages';
import { STATUS_MESSAGES } from '../../i18n/statusMessages';
import { translator } from '../../i18n/translate';
import { UI_MESSAGES } from '../../i18n/uiMessages';
import { RecordStore } from '../../storage/records';
import { readHistory } from '../presence/history';
import { checkPresence } from '../presence/presenceCheck';
import { countSourceText } from '../presence/connectionCount';
import { readPresenceState } from '../presence/presenceSwitch';
import { isServerBroadcastDisabled } from '../presence/serverPresence';

/** The days of connection history the report charts. */
export const CHART_DAYS = 14;

export interface PresenceReport {
    /** count / cap (and where the count comes from), a bar, and whether the service is on */
    summary: string;
    /** the early warning's level, when one is set */
    warning?: string;
    /** the title and the 14-day chart of daily peaks */
    history: string;
}

/**
 * What `/status connections` and the console's Presence view show, from a fresh count (which
 * also records the peak and turns the service off when over the cap).
 */
export async function presenceReport(
    app: IApp,
    access: { read: IRead; modify: IModify; http: IHttp; persis: IPersistence },
    language: string | undefined,
    now: Date,
): Promise<PresenceReport> {
    const t = translator(PRESENCE_MESSAGES, language);
    const { count, config } = await checkPresence(app, access, { revalidateWhenOff: true });
    const [state, serverOff, days] = await Promise.all([
        readPresenceState(access),
        isServerBroadcastDisabled(access.read),
        readHistory(new RecordStore(access.read.getPersistenceReader()), now),
    ]);
    const stateKey: PresenceMessageKey = state.enabled
        ? serverOff
            ? 'state_off_server'
            : 'state_on'
        : (`state_off_${state.reason ?? 'cap'}` as PresenceMessageKey);
    const summary = t('connections', {
        current: count.current,
        max: config.unlimited ? '∞' : config.cap,
        source: countSourceText(count, language, now.getTime()),
        bar: renderConnectionBar(count.current, config.cap, config.unlimited),
        state: t(stateKey),
    });
    const warning =
        config.unlimited || config.warningPercent === 0
            ? undefined
            : translator(UI_MESSAGES, language)('presence_warning', {
                  percent: config.warningPercent,
                  count: warningLevel(config.cap, config.warningPercent),
              });
    const history = `${translator(STATUS_MESSAGES, language)('history_title')}\n${renderHistoryChart(days, lastDates(CHART_DAYS, now))}`;
    return { summary, ...(warning ? { warning } : {}), history };
}
