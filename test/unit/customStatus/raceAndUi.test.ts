import { IPersistence } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { errorText } from '../../../src/core/AppError';
import { saveCustomStatus } from '../../../src/services/CustomStatusService';
import { CustomStatusRepository } from '../../../src/storage/CustomStatusRepository';
import { adminFormView, adminListView, readAdminForm } from '../../../src/ui/CustomStatusAdminView';
import { decodeChoice, readPickerState, statusPickerView } from '../../../src/ui/StatusPickerView';
import { customStatusWorld } from './fakes';

describe('re-check after write (another server instance racing for the name)', () => {
    /** Persistence whose first write of a custom status lets a competitor's record land first. */
    function racing(world: ReturnType<typeof customStatusWorld>['world'], competitorCreatedAt: string): IPersistence {
        const inner = world.persistence();
        let raced = false;
        return {
            ...inner,
            createWithAssociations: async (data: object, associations: RocketChatAssociationRecord[]) => {
                if (!raced && (data as { name?: string }).name === 'Race') {
                    raced = true;
                    const misc = (id: string) => new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, id);
                    await inner.createWithAssociations(
                        {
                            _id: 'OTHERINSTANCE0001',
                            name: 'Race',
                            statusType: 'away',
                            _updatedAt: competitorCreatedAt,
                            _createdAt: competitorCreatedAt,
                            rev: 'r-other',
                        },
                        [
                            misc('custom-user-status'),
                            misc('custom-user-status:id:OTHERINSTANCE0001'),
                            misc('custom-user-status:name:Race'),
                            misc('custom-user-status:rev:r-other'),
                        ],
                    );
                }
                return inner.createWithAssociations(data, associations);
            },
        };
    }

    test('the first created record keeps the name; the later writer removes its own and answers "in use"', async () => {
        const { world } = customStatusWorld();
        const result = await saveCustomStatus(
            { read: world.read(), persistence: racing(world, '2000-01-01T00:00:00.000Z') },
            { name: 'Race', statusType: 'busy' },
            true,
        );
        expect(result.ok ? 'ok' : errorText(result.error)).toBe('The custom user status name is already in use [Custom_User_Status_Error_Name_Already_In_Use]');
        const all = await new CustomStatusRepository(world.persistenceReader()).all();
        expect(all.map((s) => s._id)).toEqual(['OTHERINSTANCE0001']);
    });

    test('when this writer was first, the record stays', async () => {
        const { world } = customStatusWorld();
        const result = await saveCustomStatus(
            { read: world.read(), persistence: racing(world, '2999-01-01T00:00:00.000Z') },
            { name: 'Race', statusType: 'busy' },
            true,
        );
        expect(result.ok).toBe(true);
        expect((await new CustomStatusRepository(world.persistenceReader()).findAllByName('Race')).length).toBe(2);
    });
});

describe('views', () => {
    const customs = [{ _id: 'c1', name: 'In a meeting', statusType: 'busy', _updatedAt: '' }];

    test('the picker offers presets and custom statuses, and preselects the current custom one', () => {
        const view = JSON.stringify(statusPickerView('app', 'en', customs, { status: 'busy', statusText: 'In a meeting' }));
        for (const value of ['preset:online', 'preset:away', 'preset:busy', 'preset:offline', 'custom:c1']) {
            expect(view).toContain(value);
        }
        expect(view).toContain('"initialValue":"custom:c1"');
        expect(JSON.stringify(statusPickerView('app', 'de', customs, {}))).toContain('Status festlegen');
    });

    test('picker state', () => {
        expect(decodeChoice('custom:a:b')).toEqual({ kind: 'custom', id: 'a:b' });
        expect(decodeChoice('preset:away')).toEqual({ kind: 'preset', status: 'away' });
        expect(decodeChoice('bogus')).toBeUndefined();
        expect(readPickerState({ 'picker-status': { 'picker-status-select': 'preset:busy' }, 'picker-message': { 'picker-message-input': 'x' } })).toEqual({
            choice: { kind: 'preset', status: 'busy' },
            message: 'x',
            clearAfter: 'never',
        });
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
