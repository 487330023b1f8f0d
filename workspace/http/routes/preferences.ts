import { meteorError } from '../respond';
import type { HttpError } from '../types';

type Kind = 'string' | 'number' | 'boolean' | 'string[]';

/** The preference keys saveUserPreferences accepts (apps/meteor/server/methods/saveUserPreferences.ts) and their types. */
const PREFERENCE_KEYS: Record<string, Kind> = {
    language: 'string',
    newRoomNotification: 'string',
    newMessageNotification: 'string',
    clockMode: 'number',
    useEmojis: 'boolean',
    convertAsciiEmoji: 'boolean',
    saveMobileBandwidth: 'boolean',
    collapseMediaByDefault: 'boolean',
    autoImageLoad: 'boolean',
    emailNotificationMode: 'string',
    unreadAlert: 'boolean',
    notificationsSoundVolume: 'number',
    desktopNotifications: 'string',
    pushNotifications: 'string',
    enableAutoAway: 'boolean',
    highlights: 'string[]',
    hideUsernames: 'boolean',
    hideRoles: 'boolean',
    displayAvatars: 'boolean',
    hideFlexTab: 'boolean',
    sendOnEnter: 'string',
    idleTimeLimitH: 'number',
    idleTimeLimitM: 'number',
    idleTimeLimitS: 'number',
    idleTimeLimit: 'number',
    sidebarShowFavorites: 'boolean',
    sidebarShowUnread: 'boolean',
    sidebarSortby: 'string',
    sidebarViewMode: 'string',
    sidebarDisplayAvatar: 'boolean',
    sidebarGroupByType: 'boolean',
    muteFocusedConversations: 'boolean',
    themeAppearence: 'string',
    fontSize: 'string',
    notifyCalendarEvents: 'boolean',
    enableMobileRinging: 'boolean',
    mentionsWithSymbol: 'boolean',
};

/** A failed body schema, as the REST wrapper answers it: `Meteor.Error('invalid-params', <ajv messages>)`. */
export const invalidParams = (message: string): HttpError => meteorError('invalid-params', message);

const fits = (kind: Kind, value: unknown): boolean =>
    kind === 'string[]' ? Array.isArray(value) && value.every((v) => typeof v === 'string') : typeof value === kind;

/** users.setPreferences body `{userId?, data:{...}}`: unknown keys and wrong types are refused before anything is written. */
export function validatePreferences(body: Record<string, unknown>): Record<string, unknown> {
    if (!('data' in body)) throw invalidParams("must have required property 'data'");
    if (body.userId !== undefined && typeof body.userId !== 'string') throw invalidParams('/userId must be string');
    const data = body.data;
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw invalidParams('/data must be object');
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
        const kind = PREFERENCE_KEYS[key];
        if (!kind) throw invalidParams('/data must NOT have additional properties');
        if (!fits(kind, value)) throw invalidParams(`/data/${key} must be ${kind === 'string[]' ? 'array' : kind}`);
    }
    return data as Record<string, unknown>;
}
