import { IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { Step } from '../core/change/Change';
import { RECENT_STATUSES_KEPT, RecentStatus, sameRecent } from '../core/status/recentStatuses';
import { RecentRecord, RecentRecords, recentList, RecentStatusRepository } from '../storage/RecentStatusRepository';
import { RecordStore } from '../storage/records';

/** `add`: noted as the newest (command, picker); `ifNew`: noted only when not in the list yet (a client's repeated API calls cost no write). */
export type RecentMode = 'add' | 'ifNew';

/**
 * The steps that note a status a user set themselves in their recent statuses, taken in the same
 * change as the status: the pair's record written with the time, the pairs past the newest five
 * removed (and a list kept the old way turned into pairs).
 */
export function recentSteps(userId: string, latest: RecentStatus, records: RecentRecords, mode: RecentMode, now: Date): Step[] {
    if (mode === 'ifNew' && recentList(records).some((item) => sameRecent(item, latest))) {
        return [];
    }
    const existing = records.pairs.find((pair) => sameRecent(pair, latest));
    const older = records.pairs.filter((pair) => !sameRecent(pair, latest));
    // a list kept the old way becomes pairs older than any noted since, in its order
    const oldestAt = Date.parse(older[older.length - 1]?.at ?? now.toISOString());
    const converted = (records.legacy ?? [])
        .filter((item) => !sameRecent(item, latest) && !older.some((pair) => sameRecent(pair, item)))
        .map((item, index): RecentRecord & { converted: true } => ({ userId, ...item, at: new Date(oldestAt - index - 1).toISOString(), converted: true }));
    const ranked = [...older, ...converted];
    const kept = ranked.slice(0, RECENT_STATUSES_KEPT - 1);
    // after every pair noted before, whatever this instance's clock says
    const at = new Date(Math.max(now.getTime(), ...records.pairs.map((pair) => Date.parse(pair.at) + 1))).toISOString();
    const steps: Step[] = [
        {
            t: 'put',
            assoc: RecentStatusRepository.pairAssociations(userId, latest),
            value: { userId, ...latest, at },
            prev: existing ?? null,
        },
    ];
    for (const item of kept) {
        if ('converted' in item) {
            const { converted: _converted, ...value } = item;
            steps.push({ t: 'put', assoc: RecentStatusRepository.pairAssociations(userId, item), value, prev: null });
        }
    }
    for (const old of ranked.slice(RECENT_STATUSES_KEPT - 1)) {
        if (!('converted' in old)) {
            const assoc = RecentStatusRepository.pairAssociations(userId, old);
            steps.push({ t: 'remove', assoc, restore: [{ assoc, value: old }] });
        }
    }
    if (records.legacy) {
        const assoc = RecentStatusRepository.legacyAssociations(userId);
        steps.push({ t: 'remove', assoc, restore: [{ assoc, value: { userId, recent: records.legacy } }] });
    }
    return steps;
}

export async function readRecentStatuses(read: IRead, userId: string): Promise<RecentStatus[]> {
    return recentList(await new RecentStatusRepository(new RecordStore(read.getPersistenceReader())).records(userId));
}
