import { decideWarning, warningLevel } from '../../core/presence/EarlyWarning';
import { PRESENCE_MESSAGES } from '../../i18n/presenceMessages';
import { translator } from '../../i18n/translate';
import { WarningRepository } from '../../storage/presence/WarningRepository';
import { claimOnce } from '../clusterClaim';
import { messageAdmins } from './admins';
import { ConnectionCount, countSourceText } from './connectionCount';
import { PresenceAccess, PresenceApp, storeOf } from './PresenceApp';
import { PresenceConfig } from './presenceConfig';

/**
 * The early warning: one message to admins when the count first reaches the warning level, once
 * for the cluster (a claim on the warning's number); armed again after the count fell ten points
 * below the level. The message says whether the count is Rocket.Chat's own or the estimate.
 */
export async function checkEarlyWarning(app: PresenceApp, access: PresenceAccess, config: PresenceConfig, count: ConnectionCount): Promise<void> {
    const store = storeOf(access);
    const repository = new WarningRepository(store);
    const state = await repository.get();
    const decision = decideWarning(state.armed, count.current, config.cap, config.warningPercent, config.unlimited);
    if (decision === 'rearm') {
        await repository.save({ ...state, armed: true, at: new Date().toISOString() });
        return;
    }
    if (decision !== 'warn') {
        return;
    }
    const seq = state.seq + 1;
    if (!(await claimOnce(store, `presence-warning:${seq}`))) {
        return;
    }
    await repository.save({ armed: false, seq, at: new Date().toISOString() });
    app.getLogger().warn(`presence: early warning, ${count.current} connections of a cap of ${config.cap}`);
    await messageAdmins(app, access, (language) => {
        const t = translator(PRESENCE_MESSAGES, language);
        return t('admin_warning', {
            count: count.current,
            cap: config.cap,
            percent: Math.round((count.current * 100) / Math.max(1, config.cap)),
            level: config.warningPercent,
            levelCount: warningLevel(config.cap, config.warningPercent),
            source: countSourceText(count, language),
        });
    });
}
