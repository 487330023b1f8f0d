import { Subject } from '../../core/change/subjects';
import { decideWarning, warningLevel } from '../../core/presence/EarlyWarning';
import { WarningRepository, WarningState } from '../../storage/presence/WarningRepository';
import { runChange } from '../change/runChange';
import { ConnectionCount } from './connectionCount';
import { MessageRef } from '../../core/change/Change';
import { formatAge } from '../../i18n/presenceMessages';
import { PresenceAccess, PresenceApp, storeOf } from './PresenceApp';
import { PresenceConfig } from './presenceConfig';
import { envOf } from './presenceSwitch';

/** Where the count comes from, as the warning says it: Rocket.Chat's own (or its last, when the rate limiter refused a fresh read), or the estimate. */
function countSourceMessage(count: ConnectionCount, now = Date.now()): MessageRef {
    if (count.source === 'estimate') {
        return { catalog: 'presence', key: 'source_estimate' };
    }
    return count.stale
        ? { catalog: 'presence', key: 'source_workspace_stale', params: { count: count.current, age: formatAge(now - Date.parse(count.at)) } }
        : { catalog: 'presence', key: 'source_workspace' };
}

const INITIAL_WARNING: WarningState = { armed: true, seq: 0, at: new Date(0).toISOString() };

/**
 * The early warning: one message to admins when the count first reaches the warning level, once
 * for the cluster (a change holding the warning's subject: the state read and written under it);
 * armed again after the count fell ten points below the level. The message says whether the count
 * is Rocket.Chat's own or the estimate. Answers whether admins were warned.
 */
export async function checkEarlyWarning(app: PresenceApp, access: PresenceAccess, config: PresenceConfig, count: ConnectionCount): Promise<boolean> {
    const repository = new WarningRepository(storeOf(access));
    const decide = (state: WarningState) => decideWarning(state.armed, count.current, config.cap, config.warningPercent, config.unlimited);
    // most checks decide nothing: one read, and no change at all
    if (decide((await repository.find()) ?? INITIAL_WARNING) === 'none') {
        return false;
    }
    const outcome = await runChange<boolean>(envOf(app, access), {
        kind: 'presence-warning',
        subjects: [Subject.presenceWarning],
        plan: async () => {
            const stored = await repository.find();
            const state: WarningState = stored ?? INITIAL_WARNING;
            const decision = decide(state);
            const put = (next: WarningState) => ({ t: 'put' as const, assoc: WarningRepository.associations(), value: next, prev: stored ?? null });
            const at = new Date().toISOString();
            if (decision === 'rearm') {
                return { steps: [put({ ...state, armed: true, at })], answer: false };
            }
            if (decision !== 'warn') {
                return { refuse: false };
            }
            const message = {
                catalog: 'presence' as const,
                key: 'admin_warning',
                params: {
                    count: count.current,
                    cap: config.cap,
                    percent: Math.round((count.current * 100) / Math.max(1, config.cap)),
                    level: config.warningPercent,
                    levelCount: warningLevel(config.cap, config.warningPercent),
                    source: countSourceMessage(count),
                },
            };
            return { steps: [put({ armed: false, seq: state.seq + 1, at })], followUps: [{ t: 'messageAdmins', message }], answer: true };
        },
    });
    const warned = outcome.kind === 'done' && outcome.answer;
    if (warned) {
        app.getLogger().warn(`presence: early warning, ${count.current} connections of a cap of ${config.cap}`);
    }
    return warned;
}
