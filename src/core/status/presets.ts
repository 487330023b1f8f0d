/** The presence presets a user can choose. `offline` chosen by hand is "invisible". */
export const USER_PRESENCES = ['online', 'away', 'busy', 'offline'] as const;

export type UserPresence = (typeof USER_PRESENCES)[number];

/** What everybody's status reads while the presence service is off. Never settable. */
export const DISABLED_STATUS = 'disabled';

export function isUserPresence(value: unknown): value is UserPresence {
    return typeof value === 'string' && (USER_PRESENCES as ReadonlyArray<string>).includes(value);
}
