import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { CATALOGS, interpolate, type MessageKey } from './catalog';

/** App strings by app id, then language, then key (Rocket.Chat's `app-<appId>.<key>` namespace). */
export type AppLanguages = Record<string, Record<string, Record<string, string>>>;

export interface I18n {
    language: string;
    t(key: MessageKey, vars?: Record<string, string | number>): string;
    /** An app's i18n key in the user's language, then English, then the key itself (as Rocket.Chat's client). */
    appT(appId: string, key: string | undefined): string;
}

/** Rocket.Chat's language fallback: `pt-BR` -> `pt` -> `en`. */
function pick<T>(table: Record<string, T> | undefined, language: string): T | undefined {
    if (!table) return undefined;
    return table[language] ?? table[language.split('-')[0]] ?? table.en;
}

export function makeI18n(language: string, appLanguages: AppLanguages): I18n {
    const catalog = pick(CATALOGS, language) ?? CATALOGS.en;
    return {
        language,
        t: (key, vars) => interpolate(catalog[key] ?? CATALOGS.en[key] ?? key, vars),
        appT: (appId, key) => {
            if (!key) return '';
            const langs = appLanguages[appId];
            return pick(langs, language)?.[key] ?? langs?.en?.[key] ?? key;
        },
    };
}

const I18nContext = createContext<I18n>(makeI18n('en', {}));

export const I18nProvider = ({ value, children }: { value: I18n; children: ReactNode }) => (
    <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
);

export const useI18n = (): I18n => useContext(I18nContext);
