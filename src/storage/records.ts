import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

/** An association of the app's own kind (`MISC`), e.g. `presence-state`. */
export const miscKey = (id: string): RocketChatAssociationRecord => new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, id);
/** An association with a workspace user. */
export const userKey = (id: string): RocketChatAssociationRecord => new RocketChatAssociationRecord(RocketChatAssociationModel.USER, id);

/** An association as a string (`misc:presence-state`), to keep it in a stored change. */
export const associationKey = (association: RocketChatAssociationRecord): string => `${association.getModel()}:${association.getID()}`;

/** Associations as strings, to keep them in a stored change's step. */
export const associationKeys = (associations: RocketChatAssociationRecord[]): string[] => associations.map(associationKey);

/** The association a string of `associationKey` names (the model never holds a colon; the id may). */
export function associationOf(key: string): RocketChatAssociationRecord {
    const colon = key.indexOf(':');
    return new RocketChatAssociationRecord(key.slice(0, colon) as RocketChatAssociationModel, key.slice(colon + 1));
}

/**
 * The app's persistence, as the repositories use it: records found by all of their associations.
 * Shared by every server instance's copy of the app and without atomic updates: a read and a write
 * are two steps, and the repositories are written with that in mind.
 */
export class RecordStore {
    constructor(
        private readonly reader: IPersistenceRead,
        private readonly persistence?: IPersistence,
    ) {}

    public async all<T>(associations: RocketChatAssociationRecord[], isRecord: (value: unknown) => value is T): Promise<T[]> {
        const found: unknown[] = (await this.reader.readByAssociations(associations)) ?? [];
        return found.filter(isRecord);
    }

    public async one<T>(associations: RocketChatAssociationRecord[], isRecord: (value: unknown) => value is T): Promise<T | undefined> {
        return (await this.all(associations, isRecord))[0];
    }

    /** Replaces the record with these associations, or creates it. */
    public async upsert(associations: RocketChatAssociationRecord[], record: object): Promise<void> {
        await this.writer().updateByAssociations(associations, { ...record }, true);
    }

    /** Replaces the record with these associations; fails when there is none. */
    public async update(associations: RocketChatAssociationRecord[], record: object): Promise<void> {
        await this.writer().updateByAssociations(associations, { ...record }, false);
    }

    /** Adds a record, even when others have the same associations. */
    public async insert(associations: RocketChatAssociationRecord[], record: object): Promise<void> {
        await this.writer().createWithAssociations({ ...record }, associations);
    }

    /** Removes every record with these associations and answers what was removed. */
    public async remove(associations: RocketChatAssociationRecord[]): Promise<unknown[]> {
        return (await this.writer().removeByAssociations(associations)) ?? [];
    }

    private writer(): IPersistence {
        if (!this.persistence) {
            throw new Error('this context cannot write to the app persistence');
        }
        return this.persistence;
    }
}

/** A guard for records that are objects with the given fields of the given types. */
export function hasFields<T>(fields: Record<string, 'string' | 'number' | 'boolean'>): (value: unknown) => value is T {
    return (value: unknown): value is T =>
        typeof value === 'object' && value !== null && Object.entries(fields).every(([name, type]) => typeof (value as Record<string, unknown>)[name] === type);
}
