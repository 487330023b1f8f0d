import { IConfigurationModify, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { ISettingUpdateContext } from '@rocket.chat/apps-engine/definition/settings/ISettingUpdateContext';

import { isOverCap } from '../core/presence/ConnectionCap';
import { lastKnownConnections } from '../services/presence/connectionCount';
import { storeOf } from '../services/presence/PresenceApp';
import { readPresenceConfig } from '../services/presence/presenceConfig';
import { readPresenceState } from '../services/presence/presenceSwitch';
import { AppSetting } from '../settings/AppSetting';
import { JobId, JobInterval } from '../core/jobIds';

/**
 * An admin switching `presence_service_enabled` on in the settings page while over the cap is
 * refused at once: the switch keeps its old value. (This hook can read, not write, and cannot
 * message anyone.) The app's own writes of the switch (mirroring its state) pass.
 */
export async function presencePreSettingUpdate(context: ISettingUpdateContext, read: IRead): Promise<ISetting> {
    const { oldSetting, newSetting } = context;
    if (newSetting.id !== AppSetting.PresenceServiceEnabled || newSetting.value !== true || oldSetting.value === true) {
        return newSetting;
    }
    const state = await readPresenceState({ read });
    if (state.enabled) {
        return newSetting;
    }
    const config = await readPresenceConfig(read);
    const count = await lastKnownConnections(storeOf({ read }), config);
    return isOverCap(count.current, config.cap, config.unlimited) ? { ...newSetting, value: false } : newSetting;
}

/**
 * What a setting change means for the service; the work runs in one-time jobs (this hook cannot
 * write persistence). The switch: on or off as the admin asked (the job tells it from the app's
 * own write of it). The unlimited setting switched on turns the
 * service back on, as a license would; a lower cap, or the unlimited setting off, is checked at once.
 * Every instance runs this hook: the jobs are safe to run more than once.
 */
export async function presenceSettingUpdated(setting: ISetting, configurationModify: IConfigurationModify, read: IRead): Promise<void> {
    const scheduler = configurationModify.scheduler;
    switch (setting.id) {
        case AppSetting.PresenceServiceEnabled:
            // the job tells an admin's wish from the app's own write (see services/settingsMirror)
            await scheduler.scheduleOnce({ id: JobId.PresenceSwitch, when: new Date(), data: { trigger: 'switch', value: setting.value } });
            return;
        case AppSetting.PresenceCapUnlimited:
            if (setting.value === true && !(await readPresenceState({ read })).enabled) {
                await scheduler.scheduleOnce({ id: JobId.PresenceSwitch, when: new Date(), data: { enabled: true, trigger: 'unlimited' } });
                return;
            }
            await scheduler.scheduleOnce({ id: JobId.PresenceCapCheck, when: new Date() });
            return;
        case AppSetting.PresenceConnectionCap:
            await scheduler.scheduleOnce({ id: JobId.PresenceCapCheck, when: new Date() });
            return;
        default:
            return;
    }
}

/** Starts the recurring jobs when the app is enabled: the monitor, and the retention of what is kept for a time. */
export async function startPresenceMonitor(configurationModify: IConfigurationModify): Promise<void> {
    await configurationModify.scheduler.scheduleRecurring({ id: JobId.PresenceMonitor, interval: JobInterval[JobId.PresenceMonitor], skipImmediate: false });
    await configurationModify.scheduler.scheduleRecurring({ id: JobId.Retention, interval: JobInterval[JobId.Retention], skipImmediate: false });
}
