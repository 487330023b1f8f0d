import { IConfigurationModify, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { ISettingUpdateContext } from '@rocket.chat/apps-engine/definition/settings/ISettingUpdateContext';

import { ChangeApp } from '../services/change/ChangeEnv';
import { describeError } from '../services/presence/PresenceApp';
import { APP_SETTINGS } from '../settings/AppSetting';
import { fitsDeclaredType } from '../settings/settingValues';
import { customStatusPreSettingUpdate } from './CustomStatusSettingsListener';
import { presencePreSettingUpdate, presenceSettingUpdated } from './PresenceSettingsListener';

/**
 * Before a setting is stored (every instance runs it, for an admin's save and for the app's own
 * writes): a value of the wrong type, or one that cannot be checked just now, is refused (the
 * setting keeps its value: it fails closed); then each setting's own check.
 */
export async function preSettingUpdate(
    app: ChangeApp,
    context: ISettingUpdateContext,
    configurationModify: IConfigurationModify,
    read: IRead,
): Promise<ISetting> {
    const { oldSetting, newSetting } = context;
    try {
        const declared = APP_SETTINGS.find((setting) => setting.id === newSetting.id);
        if (declared && !fitsDeclaredType(declared, newSetting.value)) {
            app.getLogger().warn(`the setting ${newSetting.id} was refused: its value is not of the setting's type`);
            return oldSetting;
        }
        return (await customStatusPreSettingUpdate(context, configurationModify, read)) ?? (await presencePreSettingUpdate(context, read));
    } catch (error) {
        app.getLogger().error(`checking the setting ${newSetting.id} failed, it keeps its value: ${describeError(error)}`);
        return oldSetting;
    }
}

/** After a setting is stored (every instance): what it means is applied by one-time jobs (a hook cannot write persistence). */
export async function settingUpdated(app: ChangeApp, setting: ISetting, configurationModify: IConfigurationModify, read: IRead): Promise<void> {
    await presenceSettingUpdated(setting, configurationModify, read).catch((error) =>
        app.getLogger().error(`applying the setting ${setting.id} failed: ${describeError(error)}`),
    );
}
