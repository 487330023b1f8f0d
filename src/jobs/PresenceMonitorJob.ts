import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IJobContext, IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';

import { Subject } from '../core/change/subjects';
import { JobId } from '../core/jobIds';
import { Planned, runChange } from '../services/change/runChange';
import { countConnections, lastKnownConnections } from '../services/presence/connectionCount';
import { PresenceAccess, PresenceApp, describeError, storeOf } from '../services/presence/PresenceApp';
import { checkPresence } from '../services/presence/presenceCheck';
import { readPresenceConfig } from '../services/presence/presenceConfig';
import { enablePlan, enablePresence, envOf, failedEnable, presenceStateChanged, readPresenceState, turnOffPlan } from '../services/presence/presenceSwitch';
import { isServerBroadcastDisabled } from '../services/presence/serverPresence';
import { editTakenStep, mirrorInFlight, sameValue } from '../services/settingsMirror';
import { AppSetting } from '../settings/AppSetting';
import { appSettingValue, parseBoolean } from '../settings/readSettings';
import { PresenceStateRepository } from '../storage/presence/PresenceStateRepository';
import { SettingJournalRepository } from '../storage/SettingJournalRepository';

/**
 * One run of the monitor: the count and the cap (Rocket.Chat's own count when configured: one
 * HTTP call), the early warning and today's peak, and Rocket.Chat's switches kept in line while
 * the service is off. Its work grows with the number of instances, never of users.
 */
export async function runPresenceMonitor(app: PresenceApp, access: PresenceAccess): Promise<number> {
    const { count } = await checkPresence(app, access, { keepServerInLine: true });
    return count.current;
}

/** What changed on the settings page: the switch itself, or the unlimited setting switched on. */
export type SwitchTrigger = 'switch' | 'unlimited';

export type SwitchOutcome = 'off' | 'on' | 'refused' | 'none' | 'deferred' | 'failed';

const refusedMessage = { catalog: 'presence' as const, key: 'admin_enable_refused_server' };

/**
 * The settings page's switch after it changed: the hook cannot write persistence, so this job
 * does it, on whichever instance runs it (every instance runs the hook; the first applies it, the
 * others find it done). `value` is what the hook saw stored. A value that differs from the state,
 * while no write of the app is on its way and while the switch still shows it, is an admin's wish:
 * it turns the service off or on, and is noted as taken in (see `services/settingsMirror`), in the
 * same change. An enable that is refused puts the
 * switch back, and the admins learn why when it was Rocket.Chat that refused.
 */
export async function syncPresenceSwitch(app: PresenceApp, access: PresenceAccess, trigger: SwitchTrigger = 'switch', value?: unknown): Promise<SwitchOutcome> {
    if (trigger === 'unlimited') {
        if (!parseBoolean(await appSettingValue(access.read, AppSetting.PresenceCapUnlimited), false) || (await readPresenceState(access)).enabled) {
            return 'none';
        }
        const enabled = await enablePresence(app, access, { source: 'settings' });
        return enabled.kind === 'enabled' ? 'on' : enabled.kind === 'already' ? 'none' : 'failed';
    }
    const store = storeOf(access);
    // jobs armed before the value rode along: the value as this instance has it
    const shown = value ?? (await appSettingValue(access.read, AppSetting.PresenceServiceEnabled));
    if (typeof shown !== 'boolean') {
        return 'none';
    }
    const config = await readPresenceConfig(access.read);
    // the count it is decided on: read again for an enable, the last one known for a turn-off
    const count = shown ? await countConnections(app, access, config, { revalidate: true }) : await lastKnownConnections(store, config);
    const journals = new SettingJournalRepository(store);
    const setting = AppSetting.PresenceServiceEnabled;
    const outcome = await runChange<SwitchOutcome>(envOf(app, access), {
        kind: 'presence-switch',
        subjects: [Subject.presence],
        onCommit: () => presenceStateChanged(app),
        plan: async (): Promise<Planned<SwitchOutcome>> => {
            const [inFlight, edits, state, serverOff] = await Promise.all([
                mirrorInFlight(store, setting),
                journals.edits(setting),
                new PresenceStateRepository(store).get(),
                isServerBroadcastDisabled(access.read),
            ]);
            if (inFlight) {
                return { refuse: 'deferred' };
            }
            // nothing to do; or a value a later one replaced (its own job looks at it): a job run late never acts
            if (shown === state.enabled || !sameValue(await appSettingValue(access.read, setting), shown)) {
                return { refuse: 'none' };
            }
            const taken = editTakenStep(setting, shown, edits);
            if (!shown) {
                return { ...turnOffPlan(state, { reason: 'admin', count: count.current, cap: config.cap }, { source: 'settings' }, [taken]), answer: 'off' };
            }
            const enable = enablePlan(state, serverOff, count.current, config, { source: 'settings' }, [taken]);
            if ('refuse' in enable) {
                // refused over the cap: the switch goes back off
                return { steps: [taken], followUps: [{ t: 'mirror', setting }], answer: 'refused' };
            }
            return { ...enable, answer: 'on' };
        },
    });
    if (outcome.kind === 'done' || outcome.kind === 'refused') {
        return outcome.answer;
    }
    if (outcome.kind === 'failed' && failedEnable(app, outcome.error).kind === 'refusedByServer') {
        // Rocket.Chat refused (its own cap): the switch goes back off and the admins learn why
        await runChange<boolean>(envOf(app, access), {
            kind: 'presence-switch-refused',
            subjects: [Subject.presence],
            plan: async () => ({
                steps: [editTakenStep(setting, shown, await journals.edits(setting))],
                followUps: [
                    { t: 'mirror', setting },
                    { t: 'messageAdmins', message: refusedMessage },
                ],
                answer: true,
            }),
        });
        return 'refused';
    }
    return 'failed';
}

function withAccess(app: PresenceApp, run: (access: PresenceAccess, context: IJobContext) => Promise<unknown>): IProcessor['processor'] {
    return async (context: IJobContext, read: IRead, modify: IModify, http: IHttp, persis: IPersistence): Promise<void> => {
        try {
            await run({ read, modify, http, persis }, context);
        } catch (error) {
            app.getLogger().error(`presence: a job failed: ${describeError(error)}`);
        }
    };
}

export function presenceProcessors(app: PresenceApp): Array<IProcessor> {
    const monitor = withAccess(app, (access) => runPresenceMonitor(app, access));
    return [
        { id: JobId.PresenceMonitor, processor: monitor },
        { id: JobId.PresenceCapCheck, processor: monitor },
        {
            id: JobId.PresenceSwitch,
            processor: withAccess(app, (access, context) =>
                syncPresenceSwitch(app, access, context.trigger === 'unlimited' ? 'unlimited' : 'switch', context.value),
            ),
        },
    ];
}
