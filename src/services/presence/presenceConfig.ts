import { IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { DEFAULT_CAP } from '../../core/presence/ConnectionCap';
import { DEFAULT_WARNING_PERCENT } from '../../core/presence/EarlyWarning';
import { AppSetting } from '../../settings/AppSetting';
import { parseBoolean, parseText, parseWholeNumber, requiredAppSettingValue, requiredServerSettingValue } from '../../settings/readSettings';

/** How the app reads the workspace's own count: `GET <url>/api/v1/presence.getConnections` as this user. */
export interface WorkspaceAccess {
    url: string;
    userId: string;
    token: string;
}

export interface PresenceConfig {
    cap: number;
    unlimited: boolean;
    /** the early warning's level, in percent of the cap (0: no warning) */
    warningPercent: number;
    /** undefined: the access settings are not filled in, the count is an estimate */
    access?: WorkspaceAccess;
}

/**
 * The presence settings, read in one round; the URL defaults to the server's `Site_Url`. A read
 * that fails fails the caller (a default cap, or no access settings, would decide wrongly).
 */
export async function readPresenceConfig(read: IRead): Promise<PresenceConfig> {
    const [cap, unlimited, warningPercent, url, userId, token, siteUrl] = await Promise.all([
        requiredAppSettingValue(read, AppSetting.PresenceConnectionCap),
        requiredAppSettingValue(read, AppSetting.PresenceCapUnlimited),
        requiredAppSettingValue(read, AppSetting.PresenceWarningPercent),
        requiredAppSettingValue(read, AppSetting.WorkspaceUrl),
        requiredAppSettingValue(read, AppSetting.WorkspaceAccessUserId),
        requiredAppSettingValue(read, AppSetting.WorkspaceAccessToken),
        requiredServerSettingValue(read, 'Site_Url'),
    ]);
    const base = parseText(url) ?? parseText(siteUrl);
    const id = parseText(userId);
    const secret = parseText(token);
    return {
        cap: parseWholeNumber(cap, DEFAULT_CAP),
        unlimited: parseBoolean(unlimited, false),
        warningPercent: parseWholeNumber(warningPercent, DEFAULT_WARNING_PERCENT, 0, 100),
        access: base && id && secret ? { url: base.replace(/\/+$/, ''), userId: id, token: secret } : undefined,
    };
}
