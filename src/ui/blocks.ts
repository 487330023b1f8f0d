/**
 * Plain UIKit JSON (Rocket.Chat's `@rocket.chat/ui-kit` shapes), built by small functions so the
 * views read as data. Nothing here imports a runtime package.
 */
export type Block = Record<string, unknown>;

export const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });
export const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
export const option = (text: string, value: string) => ({ text: plain(text), value });

export const section = (blockId: string, text: string): Block => ({ type: 'section', blockId, text: mrkdwn(text) });
export const divider = (): Block => ({ type: 'divider' });
export const context = (text: string): Block => ({ type: 'context', elements: [mrkdwn(text)] });

export function button(appId: string, blockId: string, actionId: string, text: string, value?: string, style?: 'primary' | 'danger'): Block {
    return { type: 'button', appId, blockId, actionId, text: plain(text), ...(value !== undefined ? { value } : {}), ...(style ? { style } : {}) };
}

export const actions = (blockId: string, elements: Block[]): Block => ({ type: 'actions', blockId, elements });

export function textInput(
    appId: string,
    blockId: string,
    actionId: string,
    label: string,
    opts: { initialValue?: string; placeholder?: string; dispatch?: boolean; optional?: boolean } = {},
): Block {
    return {
        type: 'input',
        blockId,
        label: plain(label),
        optional: opts.optional ?? false,
        ...(opts.dispatch ? { dispatchAction: true } : {}),
        element: {
            type: 'plain_text_input',
            appId,
            blockId,
            actionId,
            ...(opts.initialValue !== undefined ? { initialValue: opts.initialValue } : {}),
            ...(opts.placeholder ? { placeholder: plain(opts.placeholder) } : {}),
            ...(opts.dispatch ? { dispatchActionConfig: ['on_character_entered'] } : {}),
        },
    };
}

export function staticSelect(
    appId: string,
    blockId: string,
    actionId: string,
    label: string,
    options: Array<{ text: string; value: string }>,
    initial?: string,
): Block {
    const initialOption = options.find((o) => o.value === initial);
    return {
        type: 'input',
        blockId,
        label: plain(label),
        element: {
            type: 'static_select',
            appId,
            blockId,
            actionId,
            placeholder: plain(label),
            options: options.map((o) => option(o.text, o.value)),
            ...(initialOption ? { initialValue: initialOption.value, initialOption: option(initialOption.text, initialOption.value) } : {}),
        },
    };
}

/** A value out of `view.state[block][action]`: Rocket.Chat sends the raw value (string) for inputs and selects. */
export function stateValue(state: unknown, blockId: string, actionId: string): string | undefined {
    const block = (state as Record<string, Record<string, unknown>> | undefined)?.[blockId];
    const value = block?.[actionId];
    if (typeof value === 'string') {
        return value;
    }
    if (value && typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string') {
        return (value as { value: string }).value;
    }
    return undefined;
}
