import { IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';

import { AppSetting } from '../settings/AppSetting';
import { ChangeOrigin } from './audit';
import { CustomStatusAccess } from './CustomStatusService';
import { describeError } from './presence/PresenceApp';

/** The custom-status service's access for one engine call: storage, the settings page kept in step, who acts (for the audit trail). */
export function customStatusAccess(app: IApp, read: IRead, persistence: IPersistence, origin: ChangeOrigin): CustomStatusAccess {
    return {
        read,
        persistence,
        origin,
        logger: app.getLogger(),
        writeSettingsText: async (text) => {
            try {
                await app.getAccessors().environmentWriter.getSettings().updateValue(AppSetting.CustomStatuses, text);
            } catch (error) {
                app.getLogger().error(`custom statuses: could not update the settings page copy: ${describeError(error)}`);
            }
        },
    };
}
