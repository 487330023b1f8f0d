import { actionIds, blockKeys, groupStateByBlockId, initialValues, unsupportedTypes } from '../../../web/src/uikit/viewState';

const blocks = [
    { type: 'input', blockId: 'b1', element: { type: 'static_select', actionId: 'a1', initialOption: { value: 'x' } } },
    { type: 'input', blockId: 'b2', element: { type: 'plain_text_input', actionId: 'a2', initialValue: 'hello' } },
    { type: 'input', blockId: 'b3', element: { type: 'plain_text_input', actionId: 'a3' } },
    { type: 'actions', blockId: 'b4', elements: [{ type: 'button', actionId: 'a4' }] },
    { type: 'section', blockId: 'b5', accessory: { type: 'overflow', actionId: 'a5' } },
];

describe('UIKit view state, as Rocket.Chat keeps it', () => {
    it('seeds values from initial values and options, by action id with the block id', () => {
        expect(initialValues(blocks)).toEqual({ a1: { blockId: 'b1', value: 'x' }, a2: { blockId: 'b2', value: 'hello' } });
        expect(initialValues(undefined)).toEqual({});
    });

    it('sends the state grouped by block id', () => {
        expect(groupStateByBlockId({ a1: { blockId: 'b1', value: 'x' }, a2: { blockId: 'b2', value: 'y' }, gone: undefined })).toEqual({
            b1: { a1: 'x' },
            b2: { a2: 'y' },
        });
    });

    it('knows every action id and the types its renderer cannot draw', () => {
        expect([...actionIds(blocks)]).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
        expect(unsupportedTypes(blocks)).toEqual([]);
        expect(unsupportedTypes([{ type: 'callout' }, { type: 'input', element: { type: 'toggle_switch', actionId: 't' } }])).toEqual([
            'callout',
            'toggle_switch',
        ]);
    });

    it('keys each block by its block id, so a block added above keeps the others (and their inputs) mounted', () => {
        const before = blockKeys(blocks).map((b) => b.key);
        const after = blockKeys([{ type: 'section', blockId: 'notice' }, ...blocks]).map((b) => b.key);
        expect(after.slice(1)).toEqual(before);
        expect(blockKeys([{ type: 'divider' }, { type: 'section', blockId: 'x' }, { type: 'section', blockId: 'x' }, null]).map((b) => b.key)).toEqual([
            '#0',
            'x',
            'x#1',
            '#3',
        ]);
    });
});
