import { IConfigurationModify, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { ISettingUpdateContext } from '@rocket.chat/apps-engine/definition/settings/ISettingUpdateContext';

import { isOverCap } from '../core/presence/ConnectionCap';
import { PRESENCE_CAP_CHECK_JOB, PRESENCE_MONITOR_INTERVAL, PRESENCE_MONITOR_JOB } from '../jobs/PresenceMonitorJob';
import { PresenceApp, currentConnections, readPresenceSettings, setWorkspaceBroadcastDisabled } from '../services/PresenceService';
import { AppSetting } from '../settings/AppSetting';

/**
 * An admin switching `presence_service_enabled` on in the settings page while over the cap
 * is refused: the setting keeps its old value (false). The engine gives this hook neither
 * persistence writes nor a way to message the admin; the refusal shows as the switch staying off.
 */
export async function presencePreSettingUpdate(context: ISettingUpdateContext, read: IRead): Promise<ISetting> {
    const { oldSetting, newSetting } = context;
    if (newSetting.id !== AppSetting.PresenceServiceEnabled || newSetting.value !== true || oldSetting.value === true) {
        return newSetting;
    }
    const settings = await readPresenceSettings(read);
    if (isOverCap(await currentConnections(read), settings.cap, settings.unlimited)) {
        return { ...newSetting, value: false };
    }
    return newSetting;
}

/**
 * Keeps the workspace in line with the app's settings: the service on/off drives both
 * workspace settings; `presence_cap_unlimited` switched on turns the service back on;
 * a lower cap or the unlimited setting switched off is checked at once by a one-time job
 * (this hook cannot write persistence).
 */
export async function presenceSettingUpdated(app: PresenceApp, setting: ISetting, configurationModify: IConfigurationModify, read: IRead): Promise<void> {
    switch (setting.id) {
        case AppSetting.PresenceServiceEnabled:
            await setWorkspaceBroadcastDisabled(app, read, setting.value === false);
            return;
        case AppSetting.PresenceCapUnlimited:
            if (setting.value === true) {
                if (!(await readPresenceSettings(read)).enabled) {
                    // not waited for: the engine stores it after this hook returns
                    await app.getAccessors().environmentWriter.getSettings().updateValue(AppSetting.PresenceServiceEnabled, true);
                }
                return;
            }
            await configurationModify.scheduler.scheduleOnce({ id: PRESENCE_CAP_CHECK_JOB, when: new Date() });
            return;
        case AppSetting.PresenceConnectionCap:
            await configurationModify.scheduler.scheduleOnce({ id: PRESENCE_CAP_CHECK_JOB, when: new Date() });
            return;
        default:
            return;
    }
}

/** Starts the recurring monitor when the app is enabled. */
export async function startPresenceMonitor(configurationModify: IConfigurationModify): Promise<void> {
    await configurationModify.scheduler.scheduleRecurring({ id: PRESENCE_MONITOR_JOB, interval: PRESENCE_MONITOR_INTERVAL, skipImmediate: false });
}
