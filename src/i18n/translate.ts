/**
 * The runtime catalog's machinery: messages the app composes itself (ephemeral replies), picked by
 * the user's language with English as the fallback. Engine-translated strings (command descriptions,
 * setting labels) live in i18n/*.json instead.
 */
export type Catalog<K extends string> = { en: Record<K, string> } & Partial<Record<string, Partial<Record<K, string>>>>;

export const DEFAULT_LANGUAGE = 'en';

/** The catalog language for a user's preference: exact (`pt-BR`), then base (`pt` -> `pt-BR`, `de-AT` -> `de`), else English. */
export function pickLanguage(available: ReadonlyArray<string>, preferred: string | undefined): string {
    if (!preferred) {
        return DEFAULT_LANGUAGE;
    }
    const wanted = preferred.replace('_', '-').toLowerCase();
    const exact = available.find((lang) => lang.toLowerCase() === wanted);
    if (exact) {
        return exact;
    }
    const base = wanted.split('-')[0];
    return available.find((lang) => lang.toLowerCase() === base) ?? available.find((lang) => lang.toLowerCase().split('-')[0] === base) ?? DEFAULT_LANGUAGE;
}

/** `{name}` placeholders filled from params. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type Translator<K extends string> = (key: K, params?: Record<string, string | number>) => string;

export function translator<K extends string>(catalog: Catalog<K>, preferred: string | undefined): Translator<K> {
    const language = pickLanguage(Object.keys(catalog), preferred);
    const messages: Partial<Record<K, string>> = catalog[language] ?? {};
    return (key, params) => interpolate(messages[key] ?? catalog.en[key], params);
}

/** A user's language as the engine hands it over (Rocket.Chat's `settings.preferences.language`). */
export function languageOf(user: { settings?: { preferences?: { language?: unknown } } } | undefined): string | undefined {
    const language = user?.settings?.preferences?.language;
    return typeof language === 'string' && language !== '' ? language : undefined;
}
