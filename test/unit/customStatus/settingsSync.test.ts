import { IConfigurationModify, IHttp } from '@rocket.chat/apps-engine/definition/accessors';
import { IJobContext, IOnetimeSchedule } from '@rocket.chat/apps-engine/definition/scheduler';
import { ISetting, SettingType } from '@rocket.chat/apps-engine/definition/settings';

import { customStatusPreSettingUpdate, customStatusSyncProcessor } from '../../../src/listeners/CustomStatusSettingsListener';
import { saveCustomStatus } from '../../../src/services/CustomStatusService';
import { customStatusAccess } from '../../../src/services/customStatusAccess';
import { CustomStatusRepository } from '../../../src/storage/CustomStatusRepository';
import { RecordStore } from '../../../src/storage/records';
import { customStatusWorld } from '../../doubles/customStatusWorld';

const setting = (value: string): ISetting => ({
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
    const jobs: IOnetimeSchedule[] = [];
    const configurationModify = { scheduler: { scheduleOnce: async (job: IOnetimeSchedule) => void jobs.push(job) } } as unknown as IConfigurationModify;
    const access = () => customStatusAccess(env.app, env.world.read(), env.world.persistence(), { source: 'rest' });
    const names = async () =>
        (await new CustomStatusRepository(new RecordStore(env.world.persistenceReader())).all()).map((s) => `${s.name}: ${s.statusType}`).sort();
    /** an admin saves the text: the pre-hook, then the job it scheduled (as the engine would run it) */
    const save = async (text: string): Promise<ISetting> => {
        const before = String(env.world.appSettings.custom_statuses ?? '');
        const decided = (await customStatusPreSettingUpdate(
            { oldSetting: setting(before), newSetting: setting(text) },
            configurationModify,
            env.world.read(),
        )) as ISetting;
        env.world.appSettings.custom_statuses = decided.value;
        while (jobs.length) {
            const job = jobs.shift() as IOnetimeSchedule;
            await customStatusSyncProcessor(env.app).processor(
                { ...(job.data ?? {}) } as IJobContext,
                env.world.read(),
                env.world.modify(),
                {} as IHttp,
                env.world.persistence(),
            );
        }
        return decided;
    };
    return { ...env, jobs, save, names, access };
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

    test('a rename keeps the record’s id', async () => {
        const { save, access, world } = setup();
        const created = await saveCustomStatus(access(), { name: 'Lunch', statusType: 'away' }, true);
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
    ])('a line that breaks a rule (%p) is refused with the reason, and nothing changes', async (line, reason) => {
        const { save, names, jobs } = setup();
        await save('Deep work: busy');
        const decided = await save(`Deep work: busy\n${line}\nNew one: online`);
        expect(jobs).toEqual([]);
        expect(await names()).toEqual(['Deep work: busy']);
        expect(decided.value).toBe(`# Refused, nothing was changed: ${reason}\nDeep work: busy`);
        // the next valid edit drops the refusal line
        await save('Deep work: busy\nTravel: offline');
        expect(await names()).toEqual(['Deep work: busy', 'Travel: offline']);
    });

    test('the refusal is in the workspace language', async () => {
        const { save, world } = setup();
        world.workspaceSettings.Language = 'de';
        const decided = await save('Lunch');
        expect(decided.value).toBe('# Abgelehnt, nichts wurde geändert: Zeile 1 "Lunch": pro Zeile ein "Name: Präsenz"');
    });

    test('a change made elsewhere shows on the page, and its echo is not taken for an edit', async () => {
        const { access, world, jobs, save, names } = setup();
        await saveCustomStatus(access(), { name: 'Focus', statusType: 'busy' }, true);
        expect(world.appSettings.custom_statuses).toBe('Focus: busy');
        const decided = await customStatusPreSettingUpdate(
            { oldSetting: setting(''), newSetting: setting('Focus: busy') },
            { scheduler: { scheduleOnce: async () => jobs.push({} as IOnetimeSchedule) } } as unknown as IConfigurationModify,
            world.read(),
        );
        expect(decided?.value).toBe('Focus: busy');
        expect(jobs).toEqual([]);
        await save('Focus: busy');
        expect(await names()).toEqual(['Focus: busy']);
    });
});
