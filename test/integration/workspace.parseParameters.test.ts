/** Slash command arguments as Rocket.Chat splits them (apps/meteor/lib/utils/parseParameters.ts), in the workspace. */
import { parseParameters } from '../../workspace/engine/parseParameters';

describe("workspace parseParameters (Rocket.Chat's slash command argument split)", () => {
    it.each([
        ['', []],
        ['   ', []],
        ['busy 1h', ['busy', '1h']],
        ['  busy   1h  ', ['busy', '1h']],
        ['a\tb\nc\r\nd', ['a', 'b', 'c', 'd']],
        ['message "Working  from home"', ['message', 'Working  from home']],
        ["message 'out for lunch'", ['message', 'out for lunch']],
        ['"a b""c d"', ['a b', 'c d']],
        ['pre"x y"post', ['prex ypost']],
        ['"unclosed quote', ['"unclosed', 'quote']],
        ['"say \\"hi\\" now"', ['say "hi" now']],
        ['"" x', ['', 'x']],
        ["it's fine", ["it's", 'fine']],
        ['"line\nbreak" x', ['line\nbreak', 'x']],
        ['\'say "hi"\' "hi"', ['say hi', '"hi"']],
    ])('%j -> %j', (input, expected) => {
        expect(parseParameters(input)).toEqual(expected);
    });
});
