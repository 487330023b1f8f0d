import { ILogger, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { RecentStatus, withRecent } from '../core/status/recentStatuses';
import { RecentStatusRepository } from '../storage/RecentStatusRepository';
import { RecordStore } from '../storage/records';
import { describeError } from './presence/PresenceApp';

/**
 * Notes a status the user set themselves (command, picker, their own users.setStatus) in their
 * recent statuses. Best effort: the status is set already, a failure here is logged only.
 * `known` saves the read when the caller has the list; `onlyNew` adds a pair not in the list yet
 * but does not reorder the list (a client setting statuses through the API again and again then
 * costs no write).
 */
export async function rememberRecentStatus(
    access: { read: IRead; persis: IPersistence; logger?: ILogger },
    userId: string,
    latest: RecentStatus,
    known?: RecentStatus[],
    options: { onlyNew?: boolean } = {},
): Promise<void> {
    try {
        const repository = new RecentStatusRepository(new RecordStore(access.read.getPersistenceReader(), access.persis));
        const before = known ?? (await repository.get(userId));
        if (options.onlyNew && before.some((item) => (item.status ?? '') === (latest.status ?? '') && item.message === latest.message)) {
            return;
        }
        const after = withRecent(before, latest);
        if (JSON.stringify(after) !== JSON.stringify(before)) {
            await repository.save(userId, after);
        }
    } catch (error) {
        access.logger?.warn(`recent statuses: could not note one: ${describeError(error)}`);
    }
}

export async function readRecentStatuses(read: IRead, userId: string): Promise<RecentStatus[]> {
    return new RecentStatusRepository(new RecordStore(read.getPersistenceReader())).get(userId);
}
