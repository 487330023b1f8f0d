import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { UserPresence } from '../core/status/presets';

/**
 * A pending "clear after": at `expiresAt` the user's status and message go back to the
 * `restore*` values. The record is the source of truth: the scheduled job carries the
 * `token` and does nothing unless the record is still there with that token.
 */
export interface StatusExpiryRecord {
    userId: string;
    token: string;
    expiresAt: string;
    restoreStatus: UserPresence;
    restoreMessage: string;
}

const KIND = new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, 'status-expiry');
const forUser = (userId: string): RocketChatAssociationRecord[] => [KIND, new RocketChatAssociationRecord(RocketChatAssociationModel.USER, userId)];

function isRecord(value: unknown): value is StatusExpiryRecord {
    const r = value as StatusExpiryRecord;
    return !!r && typeof r.userId === 'string' && typeof r.token === 'string' && typeof r.expiresAt === 'string';
}

export class StatusExpiryRepository {
    constructor(
        private readonly reader: IPersistenceRead,
        private readonly persistence?: IPersistence,
    ) {}

    public async find(userId: string): Promise<StatusExpiryRecord | undefined> {
        const found = await this.reader.readByAssociations(forUser(userId));
        return found.filter(isRecord)[0];
    }

    public async all(): Promise<StatusExpiryRecord[]> {
        const found = await this.reader.readByAssociation(KIND);
        return found.filter(isRecord);
    }

    public async save(record: StatusExpiryRecord): Promise<void> {
        await this.writer().updateByAssociations(forUser(record.userId), { ...record }, true);
    }

    public async remove(userId: string): Promise<void> {
        await this.writer().removeByAssociations(forUser(userId));
    }

    private writer(): IPersistence {
        if (!this.persistence) {
            throw new Error('StatusExpiryRepository was opened read-only');
        }
        return this.persistence;
    }
}
