import { checkEnable, isOverCap, DEFAULT_CAP } from '../../../src/core/presence/ConnectionCap';
import { parseWholeNumber } from '../../../src/settings/readSettings';
import { renderConnectionBar } from '../../../src/core/presence/ConnectionBar';
import { PRESENCE_MESSAGES } from '../../../src/i18n/presenceMessages';
import { translator } from '../../../src/i18n/translate';

describe('ConnectionCap.isOverCap', () => {
    it.each([
        [200, 200, false, false],
        [201, 200, false, true],
        [5, 5, false, false],
        [6, 5, false, true],
        [100_000, 200, true, false],
        [1, 0, false, true],
    ])('%p connections, cap %p, unlimited %p: over %p', (count, cap, unlimited, expected) => {
        expect(isOverCap(count, cap, unlimited)).toBe(expected);
    });
});

describe('ConnectionCap.checkEnable', () => {
    it("refuses to enable over the cap with Rocket.Chat's text", () => {
        expect(checkEnable(201, 200, false)).toEqual({
            ok: false,
            error: { kind: 'invalid', text: 'Cannot enable broadcast when there are more than 200 connections' },
        });
    });

    it('allows enabling at or below the cap', () => {
        expect(checkEnable(200, 200, false)).toEqual({ ok: true, value: undefined });
        expect(checkEnable(3, 200, false)).toEqual({ ok: true, value: undefined });
    });

    it('the unlimited setting lifts the cap for enabling', () => {
        expect(checkEnable(10_000, 200, true)).toEqual({ ok: true, value: undefined });
    });
});

describe('the cap setting', () => {
    it.each([
        [200, 200],
        ['15', 15],
        [7.9, 7],
        [0, 0],
        [-1, DEFAULT_CAP],
        ['abc', DEFAULT_CAP],
        ['', DEFAULT_CAP],
        [undefined, DEFAULT_CAP],
        [null, DEFAULT_CAP],
        [Infinity, DEFAULT_CAP],
    ])('%p -> %p', (value, expected) => {
        expect(parseWholeNumber(value, DEFAULT_CAP)).toBe(expected);
    });
});

describe('renderConnectionBar', () => {
    it('shows current / cap with a proportional bar', () => {
        expect(renderConnectionBar(100, 200, false, { width: 10 })).toBe('[█████░░░░░] 100 / 200 (50%)');
        expect(renderConnectionBar(0, 200, false, { width: 4 })).toBe('[░░░░] 0 / 200 (0%)');
    });

    it('is full and past 100% over the cap', () => {
        expect(renderConnectionBar(201, 200, false, { width: 10 })).toBe('[██████████] 201 / 200 (101%)');
    });

    it('shows the count against infinity when unlimited', () => {
        expect(renderConnectionBar(42, 200, true, { width: 3 })).toBe('[░░░] 42 / ∞');
    });
});

describe('presence messages', () => {
    it('come in the user language, English otherwise, with their values filled in', () => {
        expect(translator(PRESENCE_MESSAGES, 'en')('enable_refused', { cap: 200 })).toBe('Cannot enable broadcast when there are more than 200 connections');
        expect(translator(PRESENCE_MESSAGES, 'pt-BR')('state_on')).toBe('ligado');
        expect(translator(PRESENCE_MESSAGES, 'de-DE')('state_on')).toBe('an');
        expect(translator(PRESENCE_MESSAGES, 'xx')('state_on')).toBe('on');
    });
    it.each(['pt-BR', 'de', 'es'])('%s carries every key', (language) => {
        expect(Object.keys(PRESENCE_MESSAGES[language] ?? {}).sort()).toEqual(Object.keys(PRESENCE_MESSAGES.en).sort());
    });
});
