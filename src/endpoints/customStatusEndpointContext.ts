import { IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';

import { DEFAULT_PAGING, PagingSettings } from '../core/customStatus/listQuery';
import { AppSetting } from '../settings/AppSetting';
import { CustomStatusAccess } from '../services/CustomStatusService';

/** The custom-status service's access for a request: storage, and the settings page kept in step. */
export function customStatusAccess(app: IApp, read: IRead, persistence: IPersistence): CustomStatusAccess {
    return {
        read,
        persistence,
        writeSettingsText: async (text) => {
            try {
                await app.getAccessors().environmentWriter.getSettings().updateValue(AppSetting.CustomStatuses, text);
            } catch (error) {
                app.getLogger().error('custom statuses: could not update the settings page copy', error);
            }
        },
    };
}

async function numberSetting(read: IRead, id: string, fallback: number): Promise<number> {
    try {
        const value = Number(await read.getEnvironmentReader().getServerSettings().getValueById(id));
        return Number.isFinite(value) ? value : fallback;
    } catch {
        return fallback;
    }
}

/** The workspace's paging settings (`API_Default_Count`, `API_Upper_Count_Limit`, `API_Allow_Infinite_Count`). */
export async function readPagingSettings(read: IRead): Promise<PagingSettings> {
    let allowInfiniteCount = DEFAULT_PAGING.allowInfiniteCount;
    try {
        const value = await read.getEnvironmentReader().getServerSettings().getValueById('API_Allow_Infinite_Count');
        allowInfiniteCount = value !== false && value !== 'false';
    } catch {
        // the setting is unknown to this workspace: Rocket.Chat's default
    }
    return {
        defaultCount: await numberSetting(read, 'API_Default_Count', DEFAULT_PAGING.defaultCount),
        upperCountLimit: await numberSetting(read, 'API_Upper_Count_Limit', DEFAULT_PAGING.upperCountLimit),
        allowInfiniteCount,
    };
}
