/** A text bar of connections against the cap, for the admin's slash command. Pure. */
export interface ConnectionBarOptions {
    /** cells in the bar */
    width?: number;
}

const FULL = '█';
const EMPTY = '░';

/**
 * `[████████░░░░░░░░░░░░] 80 / 200 (40%)`; over the cap the bar is full and the
 * percentage goes past 100; unlimited shows the count against `∞` with an empty bar.
 */
export function renderConnectionBar(current: number, cap: number, unlimited: boolean, options: ConnectionBarOptions = {}): string {
    const width = Math.max(1, Math.floor(options.width ?? 20));
    const count = Math.max(0, Math.floor(current));
    if (unlimited) {
        return `[${EMPTY.repeat(width)}] ${count} / ∞`;
    }
    const ratio = cap > 0 ? count / cap : count > 0 ? Infinity : 0;
    const filled = Math.min(width, Math.round(Math.min(1, ratio) * width));
    const percent = cap > 0 ? `${Math.round((count * 100) / cap)}%` : count > 0 ? '∞%' : '0%';
    return `[${FULL.repeat(filled)}${EMPTY.repeat(width - filled)}] ${count} / ${cap} (${percent})`;
}
