import { mergeMessages } from '../../../web/src/hooks/mergeMessages';

describe('the message list', () => {
    const msg = (id: string, ts: string, ephemeral?: boolean) => ({
        _id: id,
        rid: 'r',
        msg: id,
        ts,
        u: { _id: 'b', username: 'bot' },
        ...(ephemeral ? { ephemeral } : {}),
    });

    it('keeps a stored message stored when a copy of it also comes as an ephemeral one, in either order; sorts by time', () => {
        const stored = msg('m1', '2026-01-01T10:00:00Z');
        const copy = msg('m1', '2026-01-01T10:00:00Z', true);
        expect(mergeMessages(mergeMessages([], [copy]), [stored])[0].ephemeral).toBe(false);
        expect(mergeMessages(mergeMessages([], [stored]), [copy])[0].ephemeral).toBe(false);
        const reply = msg('m2', '2026-01-01T09:00:00Z', true);
        expect(mergeMessages(mergeMessages([], [stored]), [reply]).map((m) => [m._id, m.ephemeral])).toEqual([
            ['m2', true],
            ['m1', false],
        ]);
    });
});
