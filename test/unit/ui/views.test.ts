import { adminFormView, adminListView, readAdminForm } from '../../../src/ui/CustomStatusAdminView';
import { decodeChoice, readPickerState, statusPickerView } from '../../../src/ui/StatusPickerView';

describe('views', () => {
    const customs = [{ _id: 'c1', name: 'In a meeting', statusType: 'busy', _updatedAt: '' }];
    const pickerText = 'Presence is inactive: an admin turned the presence service off.';

    test('the picker offers presets and custom statuses, and preselects the current custom one', () => {
        const view = JSON.stringify(statusPickerView('app', 'en', customs, { status: 'busy', statusText: 'In a meeting' }));
        for (const value of ['preset:online', 'preset:away', 'preset:busy', 'preset:offline', 'custom:c1']) {
            expect(view).toContain(value);
        }
        expect(view).toContain('"initialValue":"custom:c1"');
        expect(JSON.stringify(statusPickerView('app', 'de', customs, {}))).toContain('Status festlegen');
    });

    test('the picker shows the inactive-presence notice first, when there is one', () => {
        const view = statusPickerView('app', 'en', customs, {}, pickerText);
        expect((view.blocks as unknown[])[0]).toEqual({ type: 'section', blockId: 'picker-notice', text: { type: 'mrkdwn', text: pickerText } });
        expect(JSON.stringify(statusPickerView('app', 'en', customs, {}))).not.toContain('picker-notice');
    });

    test('picker state', () => {
        expect(decodeChoice('custom:a:b')).toEqual({ kind: 'custom', id: 'a:b' });
        expect(decodeChoice('preset:away')).toEqual({ kind: 'preset', status: 'away' });
        expect(decodeChoice('bogus')).toBeUndefined();
        expect(readPickerState({ 'picker-status': { 'picker-status-select': 'preset:busy' }, 'picker-message': { 'picker-message-input': 'x' } })).toEqual({
            choice: { kind: 'preset', status: 'busy' },
            message: 'x',
            clearAfter: 'never',
            from: '',
            to: '',
        });
        expect(decodeChoice('recent:busy:At 10:30')).toEqual({ kind: 'recent', status: 'busy', message: 'At 10:30' });
        expect(decodeChoice('recent::Working from home')).toEqual({ kind: 'recent', message: 'Working from home' });
        expect(decodeChoice('recent:bogus:x')).toBeUndefined();
    });

    test('the console lists, filters and says when nothing matches', () => {
        expect(JSON.stringify(adminListView('app', 'en', customs))).toContain('cs-admin-row:c1');
        const filtered = JSON.stringify(adminListView('app', 'en', customs, 'zzz'));
        expect(filtered).not.toContain('cs-admin-row:c1');
        expect(filtered).toContain('No custom status matches \\"zzz\\".');
        expect(JSON.stringify(adminListView('app', 'en', []))).toContain('There are no custom statuses yet.');
    });

    test('the form carries the record id in its name block', () => {
        expect(JSON.stringify(adminFormView('app', 'en', customs[0]))).toContain('cs-form-name:c1');
        expect(readAdminForm({ 'cs-form-name:c1': { 'cs-form-name-input': 'X' }, 'cs-form-presence': { 'cs-form-presence-select': 'none' } })).toEqual({
            id: 'c1',
            nameBlockId: 'cs-form-name:c1',
            name: 'X',
            statusType: '',
        });
        expect(readAdminForm({ 'cs-form-name:new': { 'cs-form-name-input': 'Y' }, 'cs-form-presence': { 'cs-form-presence-select': 'away' } })).toEqual({
            nameBlockId: 'cs-form-name:new',
            name: 'Y',
            statusType: 'away',
        });
        expect(readAdminForm({ 'cs-admin-search': {} })).toBeUndefined();
    });
});
