/** Rocket.Chat cuts a status message to this many UTF-16 code units, silently. */
export const STATUS_TEXT_MAX_LENGTH = 120;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Rocket.Chat's `trim().substr(0, 120)`: 120 UTF-16 code units, except that a surrogate pair is
 * never split (its dangling first half is dropped). `''` clears.
 */
export function normalizeStatusText(text: string): string {
    const trimmed = text.trim();
    if (trimmed.length <= STATUS_TEXT_MAX_LENGTH) {
        return trimmed;
    }
    const cut = trimmed.slice(0, STATUS_TEXT_MAX_LENGTH);
    return isHighSurrogate(cut.charCodeAt(cut.length - 1)) ? cut.slice(0, -1) : cut;
}
