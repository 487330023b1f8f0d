import { kitContext } from '@rocket.chat/fuselage-ui-kit';
import { useCallback, useContext } from 'react';
import { interpolate } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18n';
import type { TextObject } from './types';

/**
 * A text object as the plain string a person reads, where a string is all there is room for (an
 * option, a placeholder, a label): its text as given, never HTML-escaped; an `i18n` key in the
 * user's language from the app's i18n. Rocket.Chat's newer renderer does the same
 * (`useStringFromTextObject`), where 0.31 passed it through `renderToStaticMarkup`.
 */
export function useTextObject(): (textObject: TextObject | undefined) => string | undefined {
    const { appT } = useI18n();
    const { appId } = useContext(kitContext);
    return useCallback(
        (textObject) => {
            if (!textObject) return undefined;
            if (textObject.i18n?.key) {
                const translated = appT(appId, textObject.i18n.key);
                return interpolate(translated === textObject.i18n.key && textObject.text ? textObject.text : translated, textObject.i18n.args);
            }
            return textObject.text;
        },
        [appT, appId],
    );
}
