/**
 * View state as Rocket.Chat's client keeps it: values by action id (`{blockId, value}`), seeded
 * from the blocks' initial values, and sent on submit grouped by block id
 * (`{[blockId]: {[actionId]: value}}`).
 */
export type ViewValues = Record<string, { blockId: string; value: unknown } | undefined>;

type Element = {
    type?: string;
    actionId?: string;
    blockId?: string;
    initialValue?: unknown;
    initialOption?: { value?: unknown };
    initialOptions?: Array<{ value?: unknown }>;
};
type Block = { type?: string; blockId?: string; element?: Element; elements?: Element[]; accessory?: Element };

function elementsOf(block: Block): Element[] {
    return [block.element, block.accessory, ...(Array.isArray(block.elements) ? block.elements : [])].filter((e): e is Element =>
        Boolean(e && typeof e === 'object'),
    );
}

function initialOf(element: Element): unknown {
    if (element.initialValue !== undefined) return element.initialValue;
    if (element.initialOption?.value !== undefined) return element.initialOption.value;
    if (Array.isArray(element.initialOptions)) return element.initialOptions.map((o) => o.value);
    return undefined;
}

export function initialValues(blocks: unknown): ViewValues {
    const values: ViewValues = {};
    for (const block of Array.isArray(blocks) ? (blocks as Block[]) : []) {
        for (const element of elementsOf(block)) {
            const value = initialOf(element);
            if (element.actionId && value !== undefined) {
                values[element.actionId] = { blockId: element.blockId ?? block.blockId ?? '', value };
            }
        }
    }
    return values;
}

export function groupStateByBlockId(values: ViewValues): Record<string, Record<string, unknown>> {
    const state: Record<string, Record<string, unknown>> = {};
    for (const [actionId, entry] of Object.entries(values)) {
        if (!entry) continue;
        state[entry.blockId] = { ...state[entry.blockId], [actionId]: entry.value };
    }
    return state;
}

/** Every action id of the view's elements (to tell field errors the renderer shows from the others). */
export function actionIds(blocks: unknown): Set<string> {
    const ids = new Set<string>();
    for (const block of Array.isArray(blocks) ? (blocks as Block[]) : []) {
        for (const element of elementsOf(block)) if (element.actionId) ids.add(element.actionId);
    }
    return ids;
}

const RENDERED_BLOCKS = new Set(['section', 'divider', 'image', 'actions', 'context', 'input', 'preview', 'conditional']);
const RENDERED_ELEMENTS = new Set([
    'button',
    'image',
    'overflow',
    'plain_text_input',
    'static_select',
    'multi_static_select',
    'datepicker',
    'linear_scale',
    'plain_text',
    'mrkdwn',
]);

/** Block and element types in the view that the UIKit renderer (fuselage-ui-kit 0.31) does not draw. */
export function unsupportedTypes(blocks: unknown): string[] {
    const found = new Set<string>();
    for (const block of Array.isArray(blocks) ? (blocks as Block[]) : []) {
        if (block.type && !RENDERED_BLOCKS.has(block.type)) found.add(block.type);
        for (const element of elementsOf(block)) {
            if (element.type && !RENDERED_ELEMENTS.has(element.type)) found.add(element.type);
        }
    }
    return [...found];
}

type BlockLike = { type?: string; blockId?: string };

/** A stable key per block: its block id (a block added above keeps the others mounted), else its place. */
export function blockKeys(blocks: unknown[]): Array<{ block: BlockLike; key: string }> {
    const seen = new Map<string, number>();
    return blocks.map((raw, index) => {
        const block = (raw && typeof raw === 'object' ? raw : {}) as BlockLike;
        if (!block.blockId) return { block, key: `#${index}` };
        const n = seen.get(block.blockId) ?? 0;
        seen.set(block.blockId, n + 1);
        return { block, key: n ? `${block.blockId}#${n}` : block.blockId };
    });
}
