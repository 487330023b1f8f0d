import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { CustomUserStatus } from '../core/customStatus/CustomUserStatus';

/**
 * A stored custom status. `rev` names one written version: a rename writes the new version
 * (under the new name's association) before removing the old one, so a record is never missing.
 */
export interface StoredCustomStatus extends CustomUserStatus {
    _createdAt: string;
    rev: string;
}

const misc = (id: string) => new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, id);
const ALL = misc('custom-user-status');
const byId = (id: string) => misc(`custom-user-status:id:${id}`);
const byName = (name: string) => misc(`custom-user-status:name:${name}`);
const byRev = (rev: string) => misc(`custom-user-status:rev:${rev}`);

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

/** The record as the REST API and the views show it. */
export const toCustomUserStatus = (stored: StoredCustomStatus): CustomUserStatus => ({
    _id: stored._id,
    name: stored.name,
    statusType: stored.statusType,
    _updatedAt: stored._updatedAt,
});

/**
 * Custom statuses over the app's persistence, one record per status, found through its
 * associations: all (`custom-user-status`), by id, by exact name, by version.
 */
export class CustomStatusRepository {
    constructor(
        private readonly reader: IPersistenceRead,
        private readonly persistence?: IPersistence,
    ) {}

    public async all(): Promise<StoredCustomStatus[]> {
        return newest((await this.reader.readByAssociations([ALL])).filter(isStored));
    }

    public async findById(id: string): Promise<StoredCustomStatus | undefined> {
        return newest((await this.reader.readByAssociations([ALL, byId(id)])).filter(isStored))[0];
    }

    /** Every record holding this exact name (more than one only while a race is being settled). */
    public async findAllByName(name: string): Promise<StoredCustomStatus[]> {
        return newest((await this.reader.readByAssociations([ALL, byName(name)])).filter(isStored)).filter((s) => s.name === name);
    }

    public async findByName(name: string): Promise<StoredCustomStatus | undefined> {
        return (await this.findAllByName(name))[0];
    }

    public async insert(record: StoredCustomStatus): Promise<void> {
        await this.writer().createWithAssociations({ ...record }, [ALL, byId(record._id), byName(record.name), byRev(record.rev)]);
    }

    /** Writes `next` as the record's new version, then drops the version `previous`. */
    public async replace(previous: StoredCustomStatus, next: StoredCustomStatus): Promise<void> {
        await this.insert(next);
        await this.removeVersion(previous);
    }

    /** Removes one version only (the loser of a race removes what it wrote, nothing else). */
    public async removeVersion(version: StoredCustomStatus): Promise<void> {
        await this.writer().removeByAssociations([ALL, byId(version._id), byRev(version.rev)]);
    }

    /** Removes every version of a record; answers what was removed (none: it did not exist). */
    public async remove(id: string): Promise<StoredCustomStatus | undefined> {
        const removed = ((await this.writer().removeByAssociations([ALL, byId(id)])) ?? []).filter(isStored);
        return newest(removed)[0];
    }

    private writer(): IPersistence {
        if (!this.persistence) {
            throw new Error('CustomStatusRepository was opened read-only');
        }
        return this.persistence;
    }
}
