import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { AppError } from '../core/AppError';
import { errorLine } from '../i18n/format';
import { StatusMessageKey } from '../i18n/statusMessages';
import { Translator } from '../i18n/translate';
import { ChangeEnv } from '../services/change/ChangeEnv';
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

/**
 * A subcommand's answer: the reply, or an error line that the dispatcher follows with the help
 * (not when the request was right and only failed: `help: false`).
 */
export type CommandReply = { ok: true; text: string } | { ok: false; text: string; help?: false };

export const reply = (text: string): CommandReply => ({ ok: true, text });
export const replyError = (text: string): CommandReply => ({ ok: false, text });

/** An error value as a reply: a broken rule with the help, a failure that changed nothing without it. */
export function errorReply(t: Translator<StatusMessageKey>, error: AppError, params: Record<string, string> = {}): CommandReply {
    const failed = error.kind === 'rule' && error.code.startsWith('error-app-');
    return failed ? { ok: false, text: errorLine(t, error, params), help: false } : { ok: false, text: errorLine(t, error, params) };
}

/** The command's accessors as a change takes them. */
export const changeEnvOf = (ctx: CommandContext): ChangeEnv => ({ app: ctx.app, read: ctx.read, modify: ctx.modify, persis: ctx.persistence, http: ctx.http });
