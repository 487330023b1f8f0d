import { checkEnable, evaluate, normalizeCap, DEFAULT_CAP } from '../../../src/core/presence/ConnectionCap';
import { renderConnectionBar } from '../../../src/core/presence/ConnectionBar';
import { presenceMessage } from '../../../src/core/presence/PresenceMessages';

describe('ConnectionCap.evaluate', () => {
    const on = { cap: DEFAULT_CAP, unlimited: false, enabled: true };

    it('keeps the service on at exactly the cap (200)', () => {
        expect(evaluate({ ...on, count: 200 })).toEqual({ action: 'keep' });
    });

    it('turns the service off at one over the cap (201)', () => {
        expect(evaluate({ ...on, count: 201 })).toEqual({ action: 'turnOff', count: 201, cap: 200 });
    });

    it('does not turn the service back on when the count drops below the cap', () => {
        expect(evaluate({ ...on, enabled: false, count: 10 })).toEqual({ action: 'keep' });
        expect(evaluate({ ...on, enabled: false, count: 0 })).toEqual({ action: 'keep' });
    });

    it('does nothing more when already off and still over', () => {
        expect(evaluate({ ...on, enabled: false, count: 500 })).toEqual({ action: 'keep' });
    });

    it('never turns off with the unlimited setting', () => {
        expect(evaluate({ ...on, unlimited: true, count: 100_000 })).toEqual({ action: 'keep' });
    });

    it('follows a configured cap', () => {
        expect(evaluate({ ...on, cap: 5, count: 5 })).toEqual({ action: 'keep' });
        expect(evaluate({ ...on, cap: 5, count: 6 })).toEqual({ action: 'turnOff', count: 6, cap: 5 });
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
        expect(checkEnable(3, 200, false).ok).toBe(true);
    });

    it('the unlimited setting lifts the cap for enabling', () => {
        expect(checkEnable(10_000, 200, true).ok).toBe(true);
    });
});

describe('normalizeCap', () => {
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
        expect(normalizeCap(value)).toBe(expected);
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

describe('presenceMessage', () => {
    it("fills parameters in the user's language, English by default", () => {
        expect(presenceMessage('en', 'enable_refused', { cap: 200 })).toBe('Cannot enable broadcast when there are more than 200 connections');
        expect(presenceMessage('pt-BR', 'connections_state_off')).toBe('desligado');
        expect(presenceMessage('de-DE', 'connections_state_on')).toBe('an');
        expect(presenceMessage('xx', 'connections_state_on')).toBe('on');
        expect(presenceMessage(undefined, 'admin_turned_off', { count: 201, cap: 200 })).toContain('201 concurrent connections exceeded the limit of 200');
    });
});
