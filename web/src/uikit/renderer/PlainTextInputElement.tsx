import { TextAreaInput, TextInput } from '@rocket.chat/fuselage';
import { useUiKitState } from '@rocket.chat/fuselage-ui-kit';
import { memo } from 'react';
import { useInputField } from './inputField';
import type { ElementProps, PlainTextInputBlock, TextObject } from './types';
import { useTextObject } from './useTextObject';

/** `plain_text_input`, with the id its label points at and its placeholder as plain text. */
function PlainTextInputElement({ block, context }: ElementProps<PlainTextInputBlock>) {
    const [{ loading, value, error }, action] = useUiKitState(block, context);
    const textOf = useTextObject();
    const field = useInputField();
    const common = {
        disabled: loading,
        id: field?.id ?? block.actionId,
        name: block.actionId,
        error,
        value: value as string,
        onChange: action,
        placeholder: textOf(block.placeholder as TextObject | undefined),
        minLength: block.minLength,
        maxLength: block.maxLength,
        'aria-describedby': field?.errorId,
        'aria-invalid': error ? true : undefined,
    };
    return block.multiline ? <TextAreaInput {...common} rows={6} /> : <TextInput {...common} />;
}

export default memo(PlainTextInputElement);
