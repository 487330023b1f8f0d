import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { StatusMessageKey } from '../i18n/statusMessages';
import { Translator } from '../i18n/translate';
import { PresenceApp } from '../services/presence/PresenceApp';

/** What a subcommand gets: the app, the accessors, the caller, the caller's translator and the command's name. */
export interface CommandContext {
    app: IApp & PresenceApp;
    read: IRead;
    modify: IModify;
    persistence: IPersistence;
    http: IHttp;
    sender: IUser;
    t: Translator<StatusMessageKey>;
    /** `/status` or `/userstatus`, for the help text */
    command: string;
    now: Date;
    /** the slash command's trigger, to open a view (the custom-status console) */
    triggerId?: string;
}

/** A subcommand's answer: the reply, or an error line that the dispatcher follows with the help. */
export type CommandReply = { ok: true; text: string } | { ok: false; text: string };

export const reply = (text: string): CommandReply => ({ ok: true, text });
export const replyError = (text: string): CommandReply => ({ ok: false, text });
