import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { AppError } from '../core/AppError';
import { PresenceApp } from '../services/PresenceService';
import { StatusMessageKey } from '../i18n/statusMessages';
import { Translator } from '../i18n/translate';

/** What a subcommand gets: the accessors, the caller, the caller's translator and the command's name. */
export interface CommandContext {
    read: IRead;
    modify: IModify;
    persistence: IPersistence;
    sender: IUser;
    t: Translator<StatusMessageKey>;
    /** `/status` or `/userstatus`, for the help text */
    command: string;
    now: Date;
    /** for the admins' presence subcommands (`connections`, `enable`) */
    presence?: { app: PresenceApp; http: IHttp };
    /** the slash command's trigger, to open a view (the custom-status console) */
    triggerId?: string;
}

/** A subcommand's answer: the reply, or an error line that the dispatcher follows with the help. */
export type CommandReply = { ok: true; text: string } | { ok: false; text: string };

export const reply = (text: string): CommandReply => ({ ok: true, text });
export const replyError = (text: string): CommandReply => ({ ok: false, text });

/** One localized line for an error value. */
export function errorLine(t: Translator<StatusMessageKey>, error: AppError, params: Record<string, string> = {}): string {
    switch (error.kind) {
        case 'forbidden':
            return t('error_forbidden');
        case 'unauthenticated':
            return t('error_forbidden');
        case 'rule': {
            const known: ReadonlyArray<string> = [
                'error-not-allowed',
                'error-invalid-user',
                'error-invalid-status',
                'error-status-not-allowed',
                'error-invalid-date',
            ];
            return known.includes(error.code) ? t(error.code as StatusMessageKey, params) : t('error_generic', { reason: error.reason || error.code });
        }
        case 'invalid':
            return t('error_generic', { reason: error.text });
    }
}

const STATUS_KEYS: Record<string, StatusMessageKey> = {
    online: 'status_online',
    away: 'status_away',
    busy: 'status_busy',
    offline: 'status_offline',
    disabled: 'status_disabled',
};

export function statusLabel(t: Translator<StatusMessageKey>, status: string | undefined): string {
    const key = STATUS_KEYS[status ?? 'offline'];
    return key ? t(key) : (status ?? '');
}

/** A date in the user's own UTC offset, e.g. `2026-06-10 14:30 (UTC+2)`. */
export function formatUntil(date: Date, utcOffset: number): string {
    const local = new Date(date.getTime() + utcOffset * 3600_000).toISOString();
    const sign = utcOffset >= 0 ? '+' : '-';
    const abs = Math.abs(utcOffset);
    const offset = abs === 0 ? 'UTC' : `UTC${sign}${Math.floor(abs)}${abs % 1 ? `:${String(Math.round((abs % 1) * 60)).padStart(2, '0')}` : ''}`;
    return `${local.slice(0, 10)} ${local.slice(11, 16)} (${offset})`;
}
