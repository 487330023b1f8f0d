import { Box, InputBox, Select } from '@rocket.chat/fuselage';
import type { SelectOption } from '@rocket.chat/fuselage';
import { useUiKitState } from '@rocket.chat/fuselage-ui-kit';
import type { ComponentProps } from 'react';
import { memo, useCallback, useMemo, useState } from 'react';
import { useInputField } from './inputField';
import type { ElementProps, StaticSelectBlock, TextObject } from './types';
import { useTextObject } from './useTextObject';

type AnchorParams = Parameters<Extract<NonNullable<ComponentProps<typeof Select>['anchor']>, (...args: never[]) => unknown>>[0];

/**
 * `static_select` as fuselage's filtered select (what Rocket.Chat draws), with the options' texts as
 * plain strings, and its text field carrying the id the input block's label points at; the chosen
 * option is its description, so a screen reader reads the field's name and its value.
 */
function StaticSelectElement({ block, context }: ElementProps<StaticSelectBlock>) {
    const [{ loading, value, error }, action] = useUiKitState(block, context);
    const textOf = useTextObject();
    const field = useInputField();
    const [filter, setFilter] = useState('');
    const options = useMemo<SelectOption[]>(
        () => block.options.map((option) => [option.value, textOf(option.text as TextObject) ?? ''] as const),
        [block.options, textOf],
    );
    const placeholder = textOf(block.placeholder as TextObject);
    const valueId = field ? `${field.id}-value` : undefined;
    const onChange = useCallback((next: string) => action({ target: { value: next } }), [action]);

    const anchor = (params: AnchorParams) => (
        <InputBox.Input
            {...params}
            mi="x4"
            flexGrow={1}
            className="rcx-select__focus rcx-input-box--undecorated"
            id={field?.id}
            placeholder={placeholder}
            value={filter}
            autoComplete="off"
            aria-describedby={[valueId, field?.errorId].filter(Boolean).join(' ') || undefined}
            aria-invalid={error ? true : undefined}
            onInput={(event: { currentTarget: HTMLInputElement }) => setFilter(event.currentTarget.value)}
        />
    );
    const renderSelected = ({ label }: { label?: string }) => (
        <Box is="span" id={valueId} flexGrow={1} mi="x4" className="rcx-select__item" fontScale="p2" color={label ? 'default' : 'hint'}>
            {label || placeholder}
        </Box>
    );

    return (
        <Select
            value={value as string}
            disabled={loading}
            error={error}
            options={options}
            placeholder={placeholder}
            filter={filter}
            onChange={onChange}
            anchor={anchor}
            renderSelected={renderSelected}
        />
    );
}

export default memo(StaticSelectElement);
