import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

/**
 * The presence service's records in the app's persistence (shared by every server instance's
 * copy of the app):
 * - one record per user: how many of the user's connections the app has heard of;
 * - one aggregate: the sum of those (`events`) plus a correction (`offset`) that the
 *   monitoring job sets from the workspace's exact count when it can read it;
 * - the service's last turn-off (its epoch numbers the notices users get);
 * - the admins seen (the engine cannot list the members of a role);
 * - per user, the epoch of the last turn-off they were told about.
 * Every operation touches a fixed number of records: nothing here grows with users.
 */
export interface ConnectionTotals {
    /** sum of the per-user counts, kept up to date by the engine's events */
    events: number;
    /** exact count minus `events` at the last reading of the workspace's count */
    offset: number;
    /** the workspace's exact count at its last reading, and when */
    exact?: number;
    exactAt?: string;
}

export interface TurnOffRecord {
    /** increases at each turn-off by the cap; 0 = never */
    epoch: number;
    count: number;
    cap: number;
    at: string;
}

export interface AdminRecord {
    userId: string;
    username: string;
}

export interface NotifiedRecord {
    interaction: number;
    notice: number;
}

const misc = (id: string) => new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, id);
const user = (id: string) => new RocketChatAssociationRecord(RocketChatAssociationModel.USER, id);

const TOTALS = [misc('presence-connection-totals')];
const TURN_OFF = [misc('presence-turn-off')];
// the user's association first: stores look records up by the first, most selective, association
const userConnections = (userId: string) => [user(userId), misc('presence-user-connections')];
const ADMINS = misc('presence-admin');
const admin = (userId: string) => [user(userId), ADMINS];
const notified = (userId: string) => [user(userId), misc('presence-notified')];

/** The effective concurrent connection count: the event count corrected by the last exact reading. */
export function effectiveCount(totals: ConnectionTotals): number {
    return Math.max(0, totals.events + totals.offset);
}

export class PresenceRepository {
    constructor(
        private readonly reader: IPersistenceRead,
        private readonly persis?: IPersistence,
    ) {}

    private writer(): IPersistence {
        if (!this.persis) {
            throw new Error('PresenceRepository: this context cannot write to persistence');
        }
        return this.persis;
    }

    private async readOne<T>(associations: Array<RocketChatAssociationRecord>): Promise<T | undefined> {
        const [record] = (await this.reader.readByAssociations(associations)) as Array<T>;
        return record;
    }

    public async getTotals(): Promise<ConnectionTotals> {
        const record = await this.readOne<ConnectionTotals>(TOTALS);
        return { events: record?.events ?? 0, offset: record?.offset ?? 0, exact: record?.exact, exactAt: record?.exactAt };
    }

    public async saveTotals(totals: ConnectionTotals): Promise<void> {
        await this.writer().updateByAssociations(TOTALS, totals, true);
    }

    public async getUserConnections(userId: string): Promise<number> {
        const record = await this.readOne<{ count: number }>(userConnections(userId));
        return record?.count ?? 0;
    }

    /**
     * Sets one user's connection count and moves the aggregate by the difference: two reads and
     * at most two writes. Callers serialize it (SerialQueue) within one process.
     */
    public async setUserConnections(userId: string, next: (current: number) => number): Promise<ConnectionTotals> {
        const current = await this.getUserConnections(userId);
        const updated = Math.max(0, Math.floor(next(current)));
        const totals = await this.getTotals();
        if (updated === current) {
            return totals;
        }
        if (updated === 0) {
            await this.writer().removeByAssociations(userConnections(userId));
        } else {
            await this.writer().updateByAssociations(userConnections(userId), { count: updated }, true);
        }
        const moved = { ...totals, events: Math.max(0, totals.events + updated - current) };
        await this.saveTotals(moved);
        return moved;
    }

    public async getTurnOff(): Promise<TurnOffRecord | undefined> {
        return this.readOne<TurnOffRecord>(TURN_OFF);
    }

    public async saveTurnOff(record: TurnOffRecord): Promise<void> {
        await this.writer().updateByAssociations(TURN_OFF, record, true);
    }

    public async rememberAdmin(record: AdminRecord): Promise<void> {
        await this.writer().updateByAssociations(admin(record.userId), record, true);
    }

    public async forgetAdmin(userId: string): Promise<void> {
        await this.writer().removeByAssociations(admin(userId));
    }

    public async isKnownAdmin(userId: string): Promise<boolean> {
        return (await this.readOne<AdminRecord>(admin(userId))) !== undefined;
    }

    /** Grows with the number of admins, not users; read only when the service turns off. */
    public async listAdmins(): Promise<Array<AdminRecord>> {
        return (await this.reader.readByAssociation(ADMINS)) as Array<AdminRecord>;
    }

    /** The last turn-off epoch the user was told about: in a reply (`interaction`) and by a notice. */
    public async getNotified(userId: string): Promise<NotifiedRecord> {
        const record = await this.readOne<NotifiedRecord>(notified(userId));
        return { interaction: record?.interaction ?? 0, notice: record?.notice ?? 0 };
    }

    public async setNotified(userId: string, record: NotifiedRecord): Promise<void> {
        await this.writer().updateByAssociations(notified(userId), record, true);
    }
}
