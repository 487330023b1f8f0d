/**
 * What must never reach a person's screen: an HTML entity shown as text (`Don&#x27;t`), an i18n key
 * shown instead of its text (`picker_title`), `undefined`, `[object Object]`, or a `{placeholder}`
 * left unfilled. Pure, so a unit test shows it catches each (test/unit/web/visibleText.test.ts).
 */

/** Entities as text: numeric ones, and the named ones HTML escaping produces (`&amp;`, `&quot;`...). */
const ENTITY = /&(?:#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos|nbsp|hellip|mdash|ndash|laquo|raquo|copy|reg|euro);/i;
const PLACEHOLDER = /\{[a-z][a-z0-9_]*\}/i;

/**
 * The i18n keys worth looking for: those with an underscore or a dot (`picker_title`,
 * `setting_presence_connection_cap`); single words (`title`, `close`) read as ordinary words.
 */
export function i18nKeys(...catalogs: Array<Record<string, unknown>>): string[] {
    const keys = new Set<string>();
    for (const catalog of catalogs) for (const key of Object.keys(catalog)) if (/[_.]/.test(key)) keys.add(key);
    return [...keys];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every problem in a screen's text, each with the line it is on; empty when the text is clean. */
export function textProblems(text: string, keys: ReadonlyArray<string>): string[] {
    const keyPattern = keys.length ? new RegExp(`(?<![\\w.-])(?:${keys.map(escapeRegExp).join('|')})(?![\\w-])`) : undefined;
    const problems: string[] = [];
    for (const line of text.split('\n')) {
        const entity = ENTITY.exec(line);
        if (entity) problems.push(`HTML entity ${entity[0]} in "${line.trim()}"`);
        if (/\bundefined\b/.test(line)) problems.push(`"undefined" in "${line.trim()}"`);
        if (line.includes('[object Object]')) problems.push(`"[object Object]" in "${line.trim()}"`);
        const placeholder = PLACEHOLDER.exec(line);
        if (placeholder) problems.push(`unfilled ${placeholder[0]} in "${line.trim()}"`);
        const key = keyPattern?.exec(line);
        if (key) problems.push(`i18n key ${key[0]} in "${line.trim()}"`);
    }
    return problems;
}
