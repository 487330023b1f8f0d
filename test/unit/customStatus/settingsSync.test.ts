import { IConfigurationModify } from '@rocket.chat/apps-engine/definition/accessors';
import { ISetting, SettingType } from '@rocket.chat/apps-engine/definition/settings';

import { customStatusPreSettingUpdate } from '../../../src/listeners/CustomStatusSettingsListener';
import { saveCustomStatus } from '../../../src/services/CustomStatusService';
import { CustomStatusRepository } from '../../../src/storage/CustomStatusRepository';
import { RecordStore } from '../../../src/storage/records';
import { customStatusWorld } from '../../doubles/customStatusWorld';
import { settingsFlow } from '../../doubles/settingsFlow';

const setting = (value: unknown): ISetting => ({
    id: 'custom_statuses',
    type: SettingType.CODE,
    packageValue: '',
    value,
    required: false,
    public: false,
    i18nLabel: 'x',
});

function setup() {
    const env = customStatusWorld();
    const flow = settingsFlow(env.world);
    const names = async () =>
        (await new CustomStatusRepository(new RecordStore(env.world.persistenceReader())).all()).map((s) => `${s.name}: ${s.statusType}`).sort();
    /** an admin saves the text: the hooks, then the jobs they scheduled (as the engine would run them) */
    const save = async (text: unknown): Promise<unknown> => {
        const stored = await flow.save('custom_statuses', text);
        await flow.runJobs();
        return stored;
    };
    const rest = (name: string, statusType: string) => saveCustomStatus(env.world.env(), { source: 'rest' }, { name, statusType }, true);
    return { ...env, flow, save, names, rest };
}

describe('custom statuses on the Apps settings page', () => {
    test('other settings are not this hook’s business', async () => {
        const { world } = setup();
        const other = { ...setting('x'), id: 'presence_connection_cap' };
        expect(await customStatusPreSettingUpdate({ oldSetting: other, newSetting: other }, {} as IConfigurationModify, world.read())).toBeUndefined();
    });

    test('an edit creates, renames, changes presence and deletes; the text is written back from the records', async () => {
        const { save, names, world, settingWrites } = setup();
        await save('Lunch: away\nDeep work: busy');
        expect(await names()).toEqual(['Deep work: busy', 'Lunch: away']);
        expect(world.appSettings.custom_statuses).toBe('Deep work: busy\nLunch: away');

        await save('Deep work: offline\nLunch break: away');
        expect(await names()).toEqual(['Deep work: offline', 'Lunch break: away']);

        await save('Lunch break: away');
        expect(await names()).toEqual(['Lunch break: away']);
        expect(world.appSettings.custom_statuses).toBe('Lunch break: away');
        // written back only when the admin's text differs from the records' (here: the first edit, out of order)
        expect(settingWrites()).toEqual(['Deep work: busy\nLunch: away']);
    });

    test('each record change of an edit is audited once, from the settings page', async () => {
        const { save, world } = setup();
        await save('Lunch: away');
        await save('Lunch: busy');
        await save('');
        expect(world.recordsWith('misc:audit').map((e) => [(e as { action: string }).action, (e as { source: string }).source])).toEqual([
            ['custom-user-status.create', 'settings'],
            ['custom-user-status.update', 'settings'],
            ['custom-user-status.delete', 'settings'],
        ]);
    });

    test('a rename keeps the record’s id', async () => {
        const { save, rest, world } = setup();
        const created = await rest('Lunch', 'away');
        expect(world.appSettings.custom_statuses).toBe('Lunch: away');
        await save('Lunch break: away');
        const all = await new CustomStatusRepository(new RecordStore(world.persistenceReader())).all();
        expect(all.map((s) => [s._id, s.name])).toEqual([[created.ok && created.value._id, 'Lunch break']]);
    });

    test.each([
        ['Lunch away', 'line 2 "Lunch away": write one "name: presence" per line'],
        ['Lunch: dnd', 'line 2 "Lunch: dnd": "dnd" is not a valid presence: online, away, busy or offline'],
        ['A<b: busy', 'line 2 "A<b: busy": "A<b" is not a valid name (no > < & " \')'],
        ['Deep work: away', 'line 2 "Deep work: away": the name "Deep work" is already in use'],
        [': away', 'line 2 ": away": the name is required'],
        [`${'x'.repeat(121)}: away`, `line 2 "${'x'.repeat(121)}: away": a name has at most 120 characters`],
    ])('a line that breaks a rule (%p) is refused with the reason, and nothing changes', async (line, reason) => {
        const { save, names } = setup();
        await save('Deep work: busy');
        const decided = await save(`Deep work: busy\n${line}\nNew one: online`);
        expect(await names()).toEqual(['Deep work: busy']);
        expect(decided).toBe(`# Refused, nothing was changed: ${reason}\nDeep work: busy`);
        // the next valid edit drops the refusal line
        await save('Deep work: busy\nTravel: offline');
        expect(await names()).toEqual(['Deep work: busy', 'Travel: offline']);
    });

    test('the refusal is in the workspace language', async () => {
        const { save, world } = setup();
        world.workspaceSettings.Language = 'de';
        const decided = await save('Lunch');
        expect(decided).toBe('# Abgelehnt, nichts wurde geändert: Zeile 1 "Lunch": pro Zeile ein "Name: Präsenz"');
    });

    test.each([123, null, ['Lunch: away'], { text: 'x' }])('a value that is not text (%p) is refused and deletes nothing', async (value) => {
        const { save, rest, names, world } = setup();
        await rest('Lunch', 'away');
        expect(await save(value)).toBe('Lunch: away');
        expect(world.appSettings.custom_statuses).toBe('Lunch: away');
        expect(await names()).toEqual(['Lunch: away']);
    });

    test('a change made elsewhere shows on the page, and its echo is not taken for an edit', async () => {
        const { rest, world, flow, names } = setup();
        await rest('Focus', 'busy');
        await flow.runJobs();
        expect(world.appSettings.custom_statuses).toBe('Focus: busy');
        expect(await names()).toEqual(['Focus: busy']);
        expect(world.recordsWith('misc:audit')).toHaveLength(1);
    });

    test("the app's writes land late, the first one slowest: an older text never lands after a newer one, nor counts as an edit", async () => {
        const { rest, world, flow, names } = setup();
        // the engine stores a write later: the first of two after the second, if both were asked at once
        const delays = [40, 5, 5, 5];
        world.appSettingWriteDelayMs = () => delays.shift() ?? 1;
        await Promise.all([rest('One', 'busy'), rest('Two', 'away')]);
        await flow.runJobs();
        expect(await names()).toEqual(['One: busy', 'Two: away']);
        expect(world.appSettings.custom_statuses).toBe('One: busy\nTwo: away');
        // every value the page showed was one the records had at some moment, in order
        expect(world.settingWrites.map((w) => w.value)).toEqual(['One: busy', 'One: busy\nTwo: away']);
    });

    test('an admin saving while the app writes the page: the edit is applied after the write has landed', async () => {
        const { rest, world, flow, names } = setup();
        world.appSettingWriteDelayMs = () => 20;
        const created = rest('One', 'busy');
        await new Promise((resolve) => setTimeout(resolve, 5));
        await flow.save('custom_statuses', 'Mine: away');
        await created;
        await new Promise((resolve) => setTimeout(resolve, 50));
        await flow.runJobs();
        await new Promise((resolve) => setTimeout(resolve, 50));
        await flow.runJobs();
        // the admin added a status to the text they saw (empty): One, which they did not see, stays
        expect(await names()).toEqual(['Mine: away', 'One: busy']);
        expect(world.appSettings.custom_statuses).toBe('Mine: away\nOne: busy');
    });
});
