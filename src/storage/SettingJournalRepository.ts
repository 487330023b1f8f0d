import { hasFields, miscKey, RecordStore } from './records';

/**
 * For each app setting the app keeps in step with what it stores (its mirror on the settings
 * page): the value of the app's own last write seen stored. An admin's edit is a stored value that
 * differs from it while no write of the app is on its way (see `services/settingsMirror`).
 */
export interface SettingJournal {
    settingId: string;
    landed: unknown;
}

const forSetting = (settingId: string) => [miscKey('setting-journal'), miscKey(`setting-journal:${settingId}`)];
const isJournal = hasFields<SettingJournal>({ settingId: 'string' });

export class SettingJournalRepository {
    constructor(private readonly store: RecordStore) {}

    public async get(settingId: string): Promise<SettingJournal | undefined> {
        return this.store.one(forSetting(settingId), isJournal);
    }

    public async save(journal: SettingJournal): Promise<void> {
        await this.store.upsert(forSetting(journal.settingId), journal);
    }

    /** The associations of a setting's journal, for a change that writes it as one of its steps. */
    public static associations(settingId: string): string[] {
        return forSetting(settingId).map((association) => `${association.getModel()}:${association.getID()}`);
    }
}
