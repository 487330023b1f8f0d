import { IRead } from '@rocket.chat/apps-engine/definition/accessors';

/**
 * Reading settings without ever failing a request: a setting that is missing, unreadable or of
 * an unexpected type reads as `undefined`, and the caller's parse applies its default. Not for a
 * setting that grants a right: `grantingSettingValue` fails instead.
 */
export async function appSettingValue(read: IRead, id: string): Promise<unknown> {
    try {
        return await read.getEnvironmentReader().getSettings().getValueById(id);
    } catch {
        return undefined;
    }
}

/**
 * A setting whose default would be a wrong decision (a role that grants a right, the cap the
 * service is turned off at): a failed read fails the caller, which then decides nothing.
 */
export async function requiredAppSettingValue(read: IRead, id: string): Promise<unknown> {
    return read.getEnvironmentReader().getSettings().getValueById(id);
}

export async function requiredServerSettingValue(read: IRead, id: string): Promise<unknown> {
    return read.getEnvironmentReader().getServerSettings().getValueById(id);
}

export async function serverSettingValue(read: IRead, id: string): Promise<unknown> {
    try {
        return await read.getEnvironmentReader().getServerSettings().getValueById(id);
    } catch {
        return undefined;
    }
}

/** A boolean setting: `true`/`'true'` and `false`/`'false'` as said, anything else the default. */
export function parseBoolean(value: unknown, fallback: boolean): boolean {
    if (value === true || value === 'true') {
        return true;
    }
    if (value === false || value === 'false') {
        return false;
    }
    return fallback;
}

/** Role names from a comma- or space-separated setting such as `admin, moderator`; unset is the default. */
export function parseRoles(value: unknown, fallback: ReadonlyArray<string>): string[] {
    if (value === undefined || value === null) {
        return [...fallback];
    }
    if (typeof value !== 'string') {
        return [];
    }
    return value
        .split(/[,\s]+/)
        .map((role) => role.trim())
        .filter((role) => role !== '');
}

/** A whole number within bounds, else the default. Numbers typed into a text field arrive as strings. */
export function parseWholeNumber(value: unknown, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max) {
        return fallback;
    }
    return Math.floor(n);
}

/** A non-empty trimmed string, or undefined. */
export function parseText(value: unknown): string | undefined {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
