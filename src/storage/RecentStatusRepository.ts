import { RecentStatus } from '../core/status/recentStatuses';
import { miscKey, RecordStore, userKey } from './records';

/** A user's last distinct statuses, one record per user. */
const forUser = (userId: string) => [userKey(userId), miscKey('recent-statuses')];
const isRecord = (value: unknown): value is { recent: RecentStatus[] } =>
    typeof value === 'object' && value !== null && Array.isArray((value as { recent?: unknown }).recent);

export class RecentStatusRepository {
    constructor(private readonly store: RecordStore) {}

    public async get(userId: string): Promise<RecentStatus[]> {
        return (await this.store.one(forUser(userId), isRecord))?.recent ?? [];
    }

    public async save(userId: string, recent: RecentStatus[]): Promise<void> {
        await this.store.upsert(forUser(userId), { userId, recent });
    }
}
