import { AppError } from '../core/AppError';
import { StatusMessageKey } from './statusMessages';
import { Translator } from './translate';

/* How statuses, times and errors read in the user's language: shared by the commands, the views and the reports. */

const STATUS_ERROR_KEYS: ReadonlyArray<string> = [
    'error-not-allowed',
    'error-invalid-user',
    'error-invalid-status',
    'error-status-not-allowed',
    'error-invalid-date',
];

/** One localized line for an error value; never an English reason inside a localized reply. */
export function errorLine(t: Translator<StatusMessageKey>, error: AppError, params: Record<string, string> = {}): string {
    switch (error.kind) {
        case 'forbidden':
        case 'unauthenticated':
            return t('error_forbidden');
        case 'rule':
            if (error.code === 'error-app-undoing') {
                return t('error_undoing');
            }
            if (error.code === 'error-app-busy') {
                return t('error_busy');
            }
            return STATUS_ERROR_KEYS.includes(error.code) ? t(error.code as StatusMessageKey, params) : t('error_failed');
        case 'invalid':
        case 'params':
            return t('error_failed');
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

/** A UTC offset as a zone name, e.g. `UTC`, `UTC+2`, `UTC-3:30`. */
export function zoneName(utcOffset: number): string {
    const sign = utcOffset >= 0 ? '+' : '-';
    const abs = Math.abs(utcOffset);
    return abs === 0 ? 'UTC' : `UTC${sign}${Math.floor(abs)}${abs % 1 ? `:${String(Math.round((abs % 1) * 60)).padStart(2, '0')}` : ''}`;
}

/** A date in the user's own UTC offset, e.g. `2026-06-10 14:30 (UTC+2)`. */
export function formatUntil(date: Date, utcOffset: number): string {
    const local = new Date(date.getTime() + utcOffset * 3600_000).toISOString();
    return `${local.slice(0, 10)} ${local.slice(11, 16)} (${zoneName(utcOffset)})`;
}

/** A status and its message as one phrase: `Busy "In a meeting"`, or the message alone when the status does not change. */
export function describeStatus(t: Translator<StatusMessageKey>, status: string | undefined, message: string | undefined): string {
    const label = status ? statusLabel(t, status) : '';
    const text = message ? `"${message}"` : '';
    return [label, text].filter((part) => part !== '').join(' ') || statusLabel(t, 'online');
}
