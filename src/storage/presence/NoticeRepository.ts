import { associationKeys, miscKey, RecordStore, userKey } from '../records';

/** The last turn-off (epoch) a user was told about: in a reply (`interaction`) and by a direct message (`notice`). */
export interface NoticeRecord {
    interaction: number;
    notice: number;
}

const notified = (userId: string) => [userKey(userId), miscKey('presence-notified')];
const isNotice = (value: unknown): value is Partial<NoticeRecord> => typeof value === 'object' && value !== null;

export class NoticeRepository {
    constructor(private readonly store: RecordStore) {}

    /** The stored record, or undefined when the user was never told. */
    public async find(userId: string): Promise<NoticeRecord | undefined> {
        const record = await this.store.one(notified(userId), isNotice);
        return record && { interaction: Number(record.interaction ?? 0) || 0, notice: Number(record.notice ?? 0) || 0 };
    }

    public static associations(userId: string): string[] {
        return associationKeys(notified(userId));
    }
}
