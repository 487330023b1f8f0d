export type UserType = 'user' | 'app' | 'bot';

/** A user as Rocket.Chat stores it (the `users` collection), minus what the workspace does not carry. */
export interface UserDoc {
    _id: string;
    username: string;
    name: string;
    emails: Array<{ address: string; verified: boolean }>;
    roles: string[];
    type: UserType;
    active: boolean;
    status: string;
    statusText: string;
    statusDefault: string;
    statusConnection: string;
    utcOffset: number;
    createdAt: Date;
    _updatedAt: Date;
    lastLogin?: Date;
    appId?: string;
    customFields?: Record<string, unknown>;
    /** Rocket.Chat keeps the language twice: here and in settings.preferences.language (saveUserPreferences). */
    language?: string;
    settings?: { preferences?: Record<string, unknown>; calendar?: Record<string, unknown> };
    services?: { password?: { hash: string }; resume?: { loginTokens: Array<{ hashedToken: string; when: Date }> } };
}

/**
 * The user Rocket.Chat's presence service broadcasts with `presence.status` (ee/packages/presence/src/Presence.ts
 * `broadcast`, app/lib/server/functions/setStatusText.ts, users.setStatus): a few fields only.
 */
export type PresenceUser = Pick<UserDoc, '_id' | 'username' | 'roles'> & { status: string; statusText?: string; name?: string };
