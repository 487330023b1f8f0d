import { MultiSelectFiltered } from '@rocket.chat/fuselage';
import { useUiKitState } from '@rocket.chat/fuselage-ui-kit';
import { memo, useCallback, useMemo } from 'react';
import type { ElementProps, MultiStaticSelectBlock, TextObject } from './types';
import { useTextObject } from './useTextObject';

/** `multi_static_select`, with the options' texts as plain strings. */
function MultiStaticSelectElement({ block, context }: ElementProps<MultiStaticSelectBlock>) {
    const [{ loading, value, error }, action] = useUiKitState(block, context);
    const textOf = useTextObject();
    const options = useMemo(
        () => block.options.map((option) => [option.value, textOf(option.text as TextObject) ?? ''] as [string, string]),
        [block.options, textOf],
    );
    const onChange = useCallback((next: string[]) => action({ target: { value: next } }), [action]);
    return (
        <MultiSelectFiltered
            value={value as string[]}
            disabled={loading}
            error={error}
            options={options}
            placeholder={textOf(block.placeholder as TextObject)}
            onChange={onChange}
        />
    );
}

export default memo(MultiStaticSelectElement);
