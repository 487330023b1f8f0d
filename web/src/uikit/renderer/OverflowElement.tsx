import { IconButton, Options, PositionAnimated, useCursor } from '@rocket.chat/fuselage';
import type { OptionType } from '@rocket.chat/fuselage';
import { useUiKitState } from '@rocket.chat/fuselage-ui-kit';
import { useCallback, useMemo, useRef } from 'react';
import { useI18n } from '../../i18n/I18n';
import type { ElementProps, OverflowBlock, TextObject } from './types';
import { useTextObject } from './useTextObject';

/** `overflow`: a menu button (named, for screen readers) with the options as plain strings. */
export default function OverflowElement({ block, context }: ElementProps<OverflowBlock>) {
    const { t } = useI18n();
    const [{ loading }, action] = useUiKitState(block, context);
    const textOf = useTextObject();
    const options = useMemo<OptionType[]>(
        () =>
            block.options.map(
                ({ value, text, url }) => [value, textOf(text as TextObject) ?? '', undefined, undefined, undefined, url] as unknown as OptionType,
            ),
        [block.options, textOf],
    );
    const [cursor, handleKeyDown, handleKeyUp, reset, [visible, hide, show]] = useCursor(-1, options, ([value]) => {
        action({ target: { value: String(value) } });
        reset();
        hide();
    });
    const ref = useRef<HTMLElement>(null);
    const onClick = useCallback(() => {
        ref.current?.focus();
        show();
    }, [show]);
    const onSelect = useCallback(
        (option: OptionType) => {
            const [value, , , , url] = option as unknown as [string, string, unknown, unknown, string | undefined];
            if (url) window.open(url);
            action({ target: { value: String(value) } });
            reset();
            hide();
        },
        [action, hide, reset],
    );
    return (
        <>
            <IconButton
                ref={ref}
                small
                icon="kebab"
                aria-label={t('more_options')}
                title={t('more_options')}
                onClick={onClick}
                onBlur={hide}
                onKeyUp={handleKeyUp}
                onKeyDown={handleKeyDown}
                disabled={loading}
            />
            <PositionAnimated width="auto" visible={visible} anchor={ref} placement="bottom-start">
                <Options onSelect={onSelect} options={options} cursor={cursor} />
            </PositionAnimated>
        </>
    );
}
