/** The shapes the page reads, as Rocket.Chat's REST and realtime APIs send them. */
export type PresenceStatus = 'online' | 'away' | 'busy' | 'offline' | 'disabled';

export interface Me {
    _id: string;
    username: string;
    name?: string;
    roles?: string[];
    status?: string;
    statusText?: string;
    settings?: { preferences?: { language?: string } };
}

export interface LoginResult {
    status: string;
    data: { userId: string; authToken: string; me: Me };
}

export interface Room {
    _id: string;
    t: string;
    name?: string;
    fname?: string;
    usernames?: string[];
    uids?: string[];
}

export interface Message {
    _id: string;
    rid: string;
    msg: string;
    ts: string | { $date: number };
    u: { _id: string; username: string; name?: string };
    blocks?: unknown[];
    attachments?: unknown[];
    /** the page's own mark for replies that came through the ephemeral channel */
    ephemeral?: boolean;
}

export interface SlashCommand {
    command: string;
    params?: string;
    description?: string;
    appId?: string;
}

export interface ActionButton {
    appId: string;
    actionId: string;
    labelI18n: string;
    context: string;
    category?: string;
    when?: { roles?: string[]; hasOnePermission?: string[]; hasAllPermissions?: string[]; roomTypes?: string[] };
}

export interface AppSettingDoc {
    id: string;
    type: string;
    packageValue: unknown;
    value?: unknown;
    i18nLabel?: string;
    i18nDescription?: string;
    section?: string;
    multiline?: boolean;
    hidden?: boolean;
    values?: Array<{ key: string; i18nLabel: string }>;
    required?: boolean;
}
