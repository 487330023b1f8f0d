import { CustomUserStatus } from '../core/customStatus/CustomUserStatus';
import { associationKeys, miscKey, RecordStore } from './records';

/**
 * A stored custom status. `rev` names one written version: a rename writes the new version
 * (under the new name's association) before removing the old one, so a record is never missing.
 */
export interface StoredCustomStatus extends CustomUserStatus {
    _createdAt: string;
    rev: string;
}

const ALL = miscKey('custom-user-status');
const byId = (id: string) => miscKey(`custom-user-status:id:${id}`);
const byName = (name: string) => miscKey(`custom-user-status:name:${name}`);
const byRev = (rev: string) => miscKey(`custom-user-status:rev:${rev}`);

function isStored(value: unknown): value is StoredCustomStatus {
    const r = value as StoredCustomStatus;
    return !!r && typeof r._id === 'string' && typeof r.name === 'string' && typeof r.rev === 'string';
}

/** Of several versions of one record (a rename in flight), the newest. */
function newest(versions: StoredCustomStatus[]): StoredCustomStatus[] {
    const byRecord = new Map<string, StoredCustomStatus>();
    for (const version of versions) {
        const seen = byRecord.get(version._id);
        if (!seen || seen._updatedAt < version._updatedAt || (seen._updatedAt === version._updatedAt && seen.rev < version.rev)) {
            byRecord.set(version._id, version);
        }
    }
    return [...byRecord.values()];
}

/** The record as the REST API and the views show it (records stored before `null` was kept have `''`). */
export const toCustomUserStatus = (stored: StoredCustomStatus): CustomUserStatus => ({
    _id: stored._id,
    name: stored.name,
    statusType: stored.statusType ? stored.statusType : null,
    _updatedAt: stored._updatedAt,
});

/**
 * Custom statuses over the app's persistence, one record per status, found through its
 * associations: all (`custom-user-status`), by id, by exact name, by version.
 */
export class CustomStatusRepository {
    constructor(private readonly store: RecordStore) {}

    public async all(): Promise<StoredCustomStatus[]> {
        return newest(await this.store.all([ALL], isStored));
    }

    public async findById(id: string): Promise<StoredCustomStatus | undefined> {
        return newest(await this.store.all([ALL, byId(id)], isStored))[0];
    }

    /**
     * Every record holding this exact name now (more than one only while two writers collide). A
     * record's older version under the name does not count: two renames of one record at once
     * can leave one behind.
     */
    public async findAllByName(name: string): Promise<StoredCustomStatus[]> {
        const versions = newest(await this.store.all([ALL, byName(name)], isStored));
        const current = await Promise.all(versions.map((version) => this.findById(version._id)));
        return current.filter((record): record is StoredCustomStatus => record !== undefined && record.name === name);
    }

    public async findByName(name: string): Promise<StoredCustomStatus | undefined> {
        return (await this.findAllByName(name))[0];
    }

    /** Every stored version of a record (more than one only while a rename is half done). */
    public async versions(id: string): Promise<StoredCustomStatus[]> {
        return this.store.all([ALL, byId(id)], isStored);
    }

    /** The associations of one version (its own `rev` among them), for the steps of a change that writes it. */
    public static associations(version: StoredCustomStatus): string[] {
        return associationKeys([ALL, byId(version._id), byName(version.name), byRev(version.rev)]);
    }

    /** The associations that find every version of a record. */
    public static recordAssociations(id: string): string[] {
        return associationKeys([ALL, byId(id)]);
    }
}
