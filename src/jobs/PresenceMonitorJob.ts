import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IJobContext, IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';

import { PresenceAccess, PresenceApp, describeError } from '../services/presence/PresenceApp';
import { messageAdmins } from '../services/presence/admins';
import { checkPresence } from '../services/presence/presenceCheck';
import { enablePresence, readPresenceState, turnOff } from '../services/presence/presenceSwitch';
import { readPresenceConfig } from '../services/presence/presenceConfig';
import { isOwnEcho, mirrorPresenceState } from '../services/presence/settingMirror';
import { PRESENCE_MESSAGES } from '../i18n/presenceMessages';
import { translator } from '../i18n/translate';
import { AppSetting } from '../settings/AppSetting';
import { appSettingValue, parseBoolean } from '../settings/readSettings';
import { JobId } from '../core/jobIds';

/** The recurring monitor; the same check once, right after a cap setting changed; an admin's switch from the settings page. */

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

/**
 * An admin switched `presence_service_enabled` (or switched `presence_cap_unlimited` on) on the
 * settings page; the hook cannot write persistence, so this job does it. The setting is read
 * again first: a change that a later one replaced does nothing; nor does the app's own write of the
 * switch coming back (the engine may store two of its writes in either order).
 */
export async function runPresenceSwitch(app: PresenceApp, access: PresenceAccess, enabled: boolean, trigger: SwitchTrigger = 'switch'): Promise<void> {
    const setting = trigger === 'switch' ? AppSetting.PresenceServiceEnabled : AppSetting.PresenceCapUnlimited;
    const stillWanted = trigger === 'switch' ? enabled : true;
    if (parseBoolean(await appSettingValue(access.read, setting), !stillWanted) !== stillWanted) {
        return;
    }
    if (trigger === 'switch' && (await isOwnEcho(access, stillWanted))) {
        return;
    }
    if (!enabled) {
        const config = await readPresenceConfig(access.read);
        const state = await readPresenceState(access);
        if (state.enabled) {
            await turnOff(app, access, { reason: 'admin', count: state.count ?? 0, cap: config.cap }, { source: 'settings' });
        }
        return;
    }
    const outcome = await enablePresence(app, access, { source: 'settings' });
    if (outcome.kind === 'enabled' || outcome.kind === 'already') {
        return;
    }
    // refused: the switch goes back off, and the admins learn why
    await mirrorPresenceState(app, access, false);
    if (outcome.kind === 'refusedByServer') {
        await messageAdmins(app, access, (language) => translator(PRESENCE_MESSAGES, language)('admin_enable_refused_server'));
    }
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
                runPresenceSwitch(app, access, context.enabled === true, context.trigger === 'unlimited' ? 'unlimited' : 'switch'),
            ),
        },
    ];
}
