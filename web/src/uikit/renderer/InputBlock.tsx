import { Field } from '@rocket.chat/fuselage';
import { kitContext, useUiKitState } from '@rocket.chat/fuselage-ui-kit';
import { memo, useContext, useMemo } from 'react';
import { fieldId, InputFieldContext, LABELLED_ELEMENTS } from './inputField';
import type { ElementProps, InputLayoutBlock, TextObject } from './types';
import { useTextObject } from './useTextObject';

/**
 * An input block: its label tied to the control (`for` = the control's id, so a screen reader
 * names the field), the control, its error (`aria-describedby`) and its hint as text.
 */
function InputBlock({ block, context, surfaceRenderer }: ElementProps<InputLayoutBlock>) {
    const textOf = useTextObject();
    const { viewId } = useContext(kitContext);
    const element = useMemo(
        () => ({ ...block.element, appId: block.element.appId ?? block.appId, blockId: block.element.blockId ?? block.blockId }),
        [block.element, block.appId, block.blockId],
    );
    const [{ error }] = useUiKitState(element, context);
    const id = fieldId(viewId, element.blockId, element.actionId);
    const field = useMemo(() => ({ id, labelId: `${id}-label`, errorId: error ? `${id}-error` : undefined }), [id, error]);
    const labelled = LABELLED_ELEMENTS.has(element.type);
    return (
        <Field>
            {block.label && (
                <Field.Label id={field.labelId} htmlFor={labelled ? id : undefined}>
                    {textOf(block.label as TextObject)}
                </Field.Label>
            )}
            <Field.Row>
                <InputFieldContext.Provider value={field}>{surfaceRenderer.renderInputBlockElement(element, 0)}</InputFieldContext.Provider>
            </Field.Row>
            {error && <Field.Error id={field.errorId}>{error}</Field.Error>}
            {block.hint && <Field.Hint>{textOf(block.hint as TextObject)}</Field.Hint>}
        </Field>
    );
}

export default memo(InputBlock);
