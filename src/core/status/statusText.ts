/** Rocket.Chat cuts a status message to this many characters, silently. */
export const STATUS_TEXT_MAX_LENGTH = 120;

/** Trim, then cut to 120 characters (by code point, so an emoji is never split). `''` clears. */
export function normalizeStatusText(text: string): string {
    const chars = Array.from(text.trim());
    return chars.length > STATUS_TEXT_MAX_LENGTH ? chars.slice(0, STATUS_TEXT_MAX_LENGTH).join('') : chars.join('');
}
