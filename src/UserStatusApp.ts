import { IAppAccessors, IConfigurationExtend, ILogger } from '@rocket.chat/apps-engine/definition/accessors';
import { App } from '@rocket.chat/apps-engine/definition/App';
import { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';

import { APP_SETTINGS } from './settings/AppSetting';

/** Wiring only: settings, commands, endpoints, jobs, listeners. The behaviour lives in the modules it wires. */
export default class UserStatusApp extends App {
    constructor(info: IAppInfo, logger: ILogger, accessors: IAppAccessors) {
        super(info, logger, accessors);
    }

    protected async extendConfiguration(configuration: IConfigurationExtend): Promise<void> {
        await Promise.all(APP_SETTINGS.map((setting) => configuration.settings.provideSetting(setting)));
    }
}
