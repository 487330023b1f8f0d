import { errorText } from '../../../src/core/AppError';
import { diffCustomStatusesText, parseCustomStatusesText, serializeCustomStatuses, SettingsEntry } from '../../../src/core/customStatus/settingsText';

const parse = (text: string): SettingsEntry[] => {
    const parsed = parseCustomStatusesText(text);
    if (!parsed.ok) {
        throw new Error(errorText(parsed.lineError.error));
    }
    return parsed.value;
};

describe('settings text: name: presence per line', () => {
    test('serializes sorted by name, one per line', () => {
        expect(
            serializeCustomStatuses([
                { name: 'Lunch', statusType: 'away' },
                { name: 'Deep work', statusType: 'busy' },
                { name: 'Note', statusType: '' },
            ]),
        ).toBe('Deep work: busy\nLunch: away\nNote:');
    });

    test('parses, ignoring blanks and comments; the last colon splits', () => {
        expect(parse('# mine\n\n  Lunch : away \nRatio 1:2: busy\nNote:')).toEqual([
            { name: 'Lunch', statusType: 'away' },
            { name: 'Ratio 1:2', statusType: 'busy' },
            { name: 'Note', statusType: '' },
        ]);
    });

    test('round trip', () => {
        const text = 'Deep work: busy\nLunch: away';
        expect(serializeCustomStatuses(parse(text))).toBe(text);
    });

    test.each([
        ['Lunch away', 2, 'Expected "name: presence" [error-custom-status-line-format]'],
        [': away', 2, 'The field Name is required [error-the-field-is-required]'],
        ['A<b: away', 2, 'A<b is not a valid name [error-input-is-not-a-valid-field]'],
        ['Lunch: dnd', 2, 'dnd is not a valid status type [error-input-is-not-a-valid-field]'],
        ['Deep work: away', 2, 'The custom user status name is already in use [Custom_User_Status_Error_Name_Already_In_Use]'],
    ])('refuses %p with the line and the reason', (line, lineNumber, text) => {
        const parsed = parseCustomStatusesText(`Deep work: busy\n${line}\nOther: online`);
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) {
            expect(parsed.lineError.line).toBe(lineNumber);
            expect(parsed.lineError.text).toBe(line);
            expect(errorText(parsed.lineError.error)).toBe(text);
        }
    });
});

describe('settings text diff', () => {
    const before = parse('Deep work: busy\nLunch: away\nMeeting: busy');
    test('nothing changed', () => {
        expect(diffCustomStatusesText(before, parse('Deep work: busy\nLunch: away\nMeeting: busy'))).toEqual([]);
    });
    test('reordering lines is no change', () => {
        expect(diffCustomStatusesText(before, parse('Meeting: busy\nDeep work: busy\nLunch: away'))).toEqual([]);
    });
    test('a new line creates', () => {
        expect(diffCustomStatusesText(before, parse('Deep work: busy\nLunch: away\nMeeting: busy\nTravel: offline'))).toEqual([
            { kind: 'create', name: 'Travel', statusType: 'offline' },
        ]);
    });
    test('a removed line deletes', () => {
        expect(diffCustomStatusesText(before, parse('Deep work: busy\nMeeting: busy'))).toEqual([{ kind: 'delete', name: 'Lunch' }]);
    });
    test('a name changed in place renames (keeping or changing the presence)', () => {
        expect(diffCustomStatusesText(before, parse('Deep work: busy\nLunch break: online\nMeeting: busy'))).toEqual([
            { kind: 'rename', from: 'Lunch', to: 'Lunch break', statusType: 'online' },
        ]);
    });
    test('a presence changed', () => {
        expect(diffCustomStatusesText(before, parse('Deep work: busy\nLunch: offline\nMeeting: busy'))).toEqual([
            { kind: 'setType', name: 'Lunch', statusType: 'offline' },
        ]);
    });
    test('deletes come first so a freed name can be reused', () => {
        const ops = diffCustomStatusesText(before, parse('Lunch: away\nMeeting: busy\nFocus: busy'));
        expect(ops).toEqual([
            { kind: 'delete', name: 'Deep work' },
            { kind: 'create', name: 'Focus', statusType: 'busy' },
        ]);
    });
    test('everything cleared deletes all', () => {
        expect(diffCustomStatusesText(before, [])).toHaveLength(3);
    });
});
