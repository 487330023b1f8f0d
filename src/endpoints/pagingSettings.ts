import { IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { DEFAULT_PAGING, PagingSettings } from '../core/paging';
import { parseBoolean, parseWholeNumber, serverSettingValue } from '../settings/readSettings';

/** The workspace's paging settings (`API_Default_Count`, `API_Upper_Count_Limit`, `API_Allow_Infinite_Count`), Rocket.Chat's defaults when unreadable. */
export async function readPagingSettings(read: IRead): Promise<PagingSettings> {
    const [defaultCount, upperCountLimit, allowInfiniteCount] = await Promise.all([
        serverSettingValue(read, 'API_Default_Count'),
        serverSettingValue(read, 'API_Upper_Count_Limit'),
        serverSettingValue(read, 'API_Allow_Infinite_Count'),
    ]);
    return {
        defaultCount: parseWholeNumber(defaultCount, DEFAULT_PAGING.defaultCount),
        upperCountLimit: parseWholeNumber(upperCountLimit, DEFAULT_PAGING.upperCountLimit),
        allowInfiniteCount: parseBoolean(allowInfiniteCount, DEFAULT_PAGING.allowInfiniteCount),
    };
}
