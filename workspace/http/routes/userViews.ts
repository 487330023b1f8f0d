import type { Workspace } from '../../Workspace';
import type { UserDoc } from '../../services/UserDoc';

const DEFAULT_PREFERENCE_PREFIX = 'Accounts_Default_User_Preferences_';

/**
 * `me` and the login's `data.me` (apps/meteor/app/api/server/helpers/getUserInfo.ts over the default
 * user fields): `email` only when verified, `settings.preferences` = the workspace defaults overlaid
 * with the user's own, `settings.calendar` and `avatarUrl` (required by core-typings' IMeApiUser), the
 * password only as `exists`.
 */
export function userInfo(user: UserDoc, ws: Pick<Workspace, 'settings'>): Record<string, unknown> {
    const defaults: Record<string, unknown> = {};
    for (const setting of ws.settings.all()) {
        if (setting._id.startsWith(DEFAULT_PREFERENCE_PREFIX)) defaults[setting._id.slice(DEFAULT_PREFERENCE_PREFIX.length)] = setting.value;
    }
    const verified = user.emails?.find((e) => e.verified);
    return {
        _id: user._id,
        name: user.name,
        username: user.username,
        emails: user.emails,
        status: user.status,
        statusDefault: user.statusDefault,
        statusText: user.statusText,
        statusConnection: user.statusConnection,
        utcOffset: user.utcOffset,
        ...(user.language ? { language: user.language } : {}),
        roles: user.roles,
        active: user.active,
        ...(user.customFields ? { customFields: user.customFields } : {}),
        _updatedAt: user._updatedAt,
        email: verified?.address,
        settings: {
            profile: {},
            preferences: { ...defaults, ...(user.settings?.preferences ?? {}) },
            // IMeApiUser (core-typings) requires it; no calendar integration here
            calendar: user.settings?.calendar ?? {},
        },
        // getURL(`/avatar/${username}`, {cdn: false, full: true}): Site_Url and the path
        avatarUrl: `${String(ws.settings.value('Site_Url') ?? '').replace(/\/+$/, '')}/avatar/${user.username}`,
        isOAuthUser: false,
        services: { password: { exists: Boolean(user.services?.password?.hash) } },
    };
}

/**
 * users.info (apps/meteor/app/lib/server/functions/getFullUserData.ts): the default fields for
 * anyone, the full ones (e-mails, connection status, roles, dates) for oneself or an admin
 * (`view-full-other-user-info`). Rocket.Chat also returns one's own `services` (hashed login tokens);
 * the workspace never does (no secret in a response).
 */
export function userFullData(user: UserDoc, canViewAllInfo: boolean): Record<string, unknown> {
    return {
        _id: user._id,
        name: user.name,
        username: user.username,
        status: user.status,
        utcOffset: user.utcOffset,
        type: user.type,
        active: user.active,
        statusText: user.statusText,
        // core-typings' IUser schema requires it
        _updatedAt: user._updatedAt,
        ...(canViewAllInfo
            ? {
                  emails: user.emails,
                  statusConnection: user.statusConnection,
                  createdAt: user.createdAt,
                  ...(user.lastLogin ? { lastLogin: user.lastLogin } : {}),
                  roles: user.roles,
              }
            : {}),
        canViewAllInfo,
    };
}

/** users.create's answer: the stored user without secrets. */
export function createdUser(user: UserDoc): Record<string, unknown> {
    const { services: _services, ...rest } = user;
    return rest;
}
