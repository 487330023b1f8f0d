import { createContext, useContext } from 'react';

/** What an input block tells the element inside it: the id its label points at, and the id of its error. */
export interface InputField {
    id: string;
    labelId: string;
    errorId?: string;
}

export const InputFieldContext = createContext<InputField | undefined>(undefined);

export const useInputField = (): InputField | undefined => useContext(InputFieldContext);

/** An id usable in the DOM from the view, block and action ids (they may hold any character). */
export const fieldId = (...parts: Array<string | undefined>): string =>
    `uikit-${parts
        .filter(Boolean)
        .join('-')
        .replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** The element types whose control takes the label's id (the others are labelled by their own texts). */
export const LABELLED_ELEMENTS = new Set(['plain_text_input', 'static_select', 'datepicker']);
