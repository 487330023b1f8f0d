import { associationKeys, hasFields, miscKey, RecordStore } from './records';

/**
 * For each app setting the app keeps in step with what it stores (its mirror on the settings
 * page), two records (see `services/settingsMirror`):
 * - the mirror's journal, written only by the app's write of the setting (which holds the
 *   setting's subject): its last write seen stored, and its latest writes;
 * - the edits taken in, written only by the change that applies an admin's edit: the latest values
 *   an admin saved that were applied (or refused), so that the same value, seen again by the hook
 *   of another instance, is not applied twice.
 */
export interface SettingJournal {
    settingId: string;
    landed: unknown;
    written?: unknown[];
}

export interface SettingEdits {
    settingId: string;
    taken: unknown[];
}

/** How many of the latest values of a setting are remembered, each way. */
export const VALUES_REMEMBERED = 10;

const journalOf = (settingId: string) => [miscKey('setting-journal'), miscKey(`setting-journal:${settingId}`)];
const editsOf = (settingId: string) => [miscKey('setting-edits'), miscKey(`setting-edits:${settingId}`)];
const isJournal = hasFields<SettingJournal>({ settingId: 'string' });
const isEdits = (value: unknown): value is SettingEdits => hasFields<SettingEdits>({ settingId: 'string' })(value) && Array.isArray(value.taken);

export class SettingJournalRepository {
    constructor(private readonly store: RecordStore) {}

    public async get(settingId: string): Promise<SettingJournal | undefined> {
        return this.store.one(journalOf(settingId), isJournal);
    }

    public async save(journal: SettingJournal): Promise<void> {
        await this.store.upsert(journalOf(journal.settingId), journal);
    }

    public async edits(settingId: string): Promise<SettingEdits | undefined> {
        return this.store.one(editsOf(settingId), isEdits);
    }

    /** The associations of a setting's edits taken in, for the step of the change that applies one. */
    public static editsAssociations(settingId: string): string[] {
        return associationKeys(editsOf(settingId));
    }
}
