import { errorText } from '../../../src/core/AppError';
import { checkCustomStatus, isNameInUse } from '../../../src/core/customStatus/rules';
import { matchStringFields } from '../../../src/core/customStatus/matchBody';
import { KeyedMutex } from '../../../src/core/concurrency/KeyedMutex';

const existing = [{ _id: 'a', name: 'In a meeting' }];
const error = (result: { ok: boolean; error?: unknown }) => (result.ok ? undefined : errorText((result as { error: Parameters<typeof errorText>[0] }).error));

describe('custom status rules, in Rocket.Chat order', () => {
    test.each([
        ['no right first, even with a bad name', { name: '' }, false, '[not_authorized]'],
        ['empty name after trim', { name: '   ' }, true, 'The field Name is required [error-the-field-is-required]'],
        ['name with <', { name: 'a<b' }, true, 'a<b is not a valid name [error-input-is-not-a-valid-field]'],
        ['name with >', { name: 'a>b' }, true, 'a>b is not a valid name [error-input-is-not-a-valid-field]'],
        ['name with &', { name: 'a&b' }, true, 'a&b is not a valid name [error-input-is-not-a-valid-field]'],
        ['name with "', { name: 'a"b' }, true, 'a"b is not a valid name [error-input-is-not-a-valid-field]'],
        ["name with '", { name: "a'b" }, true, "a'b is not a valid name [error-input-is-not-a-valid-field]"],
        [
            'name in use (before the type check)',
            { name: 'In a meeting', statusType: 'nope' },
            true,
            'The custom user status name is already in use [Custom_User_Status_Error_Name_Already_In_Use]',
        ],
        ['bad status type', { name: 'Lunch', statusType: 'dnd' }, true, 'dnd is not a valid status type [error-input-is-not-a-valid-field]'],
    ])('%s', (_label, draft, canManage, text) => {
        expect(error(checkCustomStatus(draft, { canManage, existing }))).toBe(text);
    });

    test('errorType codes', () => {
        const result = checkCustomStatus({ name: 'x', statusType: 'dnd' }, { canManage: true, existing });
        expect(result.ok ? undefined : result.error).toEqual({
            kind: 'rule',
            code: 'error-input-is-not-a-valid-field',
            reason: 'dnd is not a valid status type',
        });
    });

    test.each(['online', 'away', 'busy', 'offline', ''])('accepts status type %p', (statusType) => {
        expect(checkCustomStatus({ name: 'Lunch', statusType }, { canManage: true, existing }).ok).toBe(true);
    });

    test('name match is exact; the record itself is excluded on update', () => {
        expect(isNameInUse('in a meeting', existing)).toBe(false);
        expect(isNameInUse('In a meeting', existing, 'a')).toBe(false);
        expect(checkCustomStatus({ _id: 'a', name: 'In a meeting', statusType: 'busy' }, { canManage: true, existing }).ok).toBe(true);
        expect(checkCustomStatus({ _id: 'b', name: 'In a meeting' }, { canManage: true, existing }).ok).toBe(false);
    });
});

describe('Meteor check() of the bodies, with its texts', () => {
    const pattern = { name: 'required', statusType: 'maybe' } as const;
    test.each([
        [{ name: 'x' }, undefined],
        [{ name: 'x', statusType: 'busy' }, undefined],
        [{}, "Match error: Missing key 'name'"],
        [{ name: 3 }, 'Match error: Expected string, got number in field name'],
        [{ name: null }, 'Match error: Expected string, got null in field name'],
        [{ name: 'x', statusType: null }, 'Match error: Expected string, got null in field statusType'],
        [{ name: 'x', statusType: 1 }, 'Match error: Expected string, got number in field statusType'],
        [{ name: 'x', extra: 1 }, 'Match error: Unknown key in field extra'],
        [{ extra: 1 }, 'Match error: Unknown key in field extra'],
        [{ name: ['x'] }, 'Match error: Expected string, got object in field name'],
        ['text', 'Match error: Expected object, got string'],
        [null, 'Match error: Expected object, got null'],
    ])('%p', (value, text) => {
        const result = matchStringFields(value, pattern);
        expect(result.ok ? undefined : errorText(result.error)).toBe(text);
        if (!result.ok) {
            expect(result.error.kind).toBe('invalid');
        }
    });
});

describe('KeyedMutex', () => {
    test('runs one key one task at a time, other keys in parallel', async () => {
        const mutex = new KeyedMutex();
        const log: string[] = [];
        const task = (name: string) => async () => {
            log.push(`start ${name}`);
            await new Promise((resolve) => setTimeout(resolve, 5));
            log.push(`end ${name}`);
        };
        await Promise.all([mutex.run('a', task('a1')), mutex.run('a', task('a2')), mutex.run('b', task('b1'))]);
        expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
        expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
    });

    test('a failing task does not block the next one', async () => {
        const mutex = new KeyedMutex();
        await expect(mutex.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
        await expect(mutex.run('a', async () => 42)).resolves.toBe(42);
    });
});
