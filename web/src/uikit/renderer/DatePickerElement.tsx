import { InputBox } from '@rocket.chat/fuselage';
import { useUiKitState } from '@rocket.chat/fuselage-ui-kit';
import { memo } from 'react';
import { useInputField } from './inputField';
import type { DatePickerBlock, ElementProps, TextObject } from './types';
import { useTextObject } from './useTextObject';

/** `datepicker`: a date field with the id its label points at. */
function DatePickerElement({ block, context }: ElementProps<DatePickerBlock>) {
    const [{ loading, value, error }, action] = useUiKitState(block, context);
    const textOf = useTextObject();
    const field = useInputField();
    return (
        <InputBox
            type="date"
            error={error}
            value={value as string}
            disabled={loading}
            id={field?.id ?? block.actionId}
            name={block.actionId}
            placeholder={textOf(block.placeholder as TextObject | undefined)}
            aria-describedby={field?.errorId}
            onInput={action}
        />
    );
}

export default memo(DatePickerElement);
