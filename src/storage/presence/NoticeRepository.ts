import { miscKey, RecordStore, userKey } from '../records';

/** The last turn-off (epoch) a user was told about: in a reply (`interaction`) and by a direct message (`notice`). */
export interface NoticeRecord {
    interaction: number;
    notice: number;
}

const notified = (userId: string) => [userKey(userId), miscKey('presence-notified')];
const isNotice = (value: unknown): value is Partial<NoticeRecord> => typeof value === 'object' && value !== null;

export class NoticeRepository {
    constructor(private readonly store: RecordStore) {}

    public async get(userId: string): Promise<NoticeRecord> {
        const record = await this.store.one(notified(userId), isNotice);
        return { interaction: Number(record?.interaction ?? 0) || 0, notice: Number(record?.notice ?? 0) || 0 };
    }

    public async save(userId: string, record: NoticeRecord): Promise<void> {
        await this.store.upsert(notified(userId), record);
    }
}
