import { Box } from '@rocket.chat/fuselage';
import { LANGUAGES } from '../i18n/catalog';
import { useI18n } from '../i18n/I18n';

/** The user's language (their profile preference); changing it saves it through users.setPreferences. */
export function LanguageSelect({ onChange, error }: { onChange: (language: string) => void; error?: string }) {
    const { t, language } = useI18n();
    return (
        <Box is="label" className="page-language" title={error}>
            <Box is="span" fontScale="c1" color="hint" mie="x4">
                {t('language')}
            </Box>
            <select data-qa="language-select" value={LANGUAGES.some((l) => l.code === language) ? language : 'en'} onChange={(e) => onChange(e.target.value)}>
                {LANGUAGES.map((l) => (
                    <option key={l.code} value={l.code}>
                        {l.name}
                    </option>
                ))}
            </select>
            {error && (
                <Box is="span" color="danger" fontScale="c1" mis="x4" data-qa="language-error">
                    {error}
                </Box>
            )}
        </Box>
    );
}
