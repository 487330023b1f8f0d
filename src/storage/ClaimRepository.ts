import { ExclusiveWriteSteps } from '../core/concurrency/exclusiveWrite';
import { hasFields, miscKey, RecordStore } from './records';

/**
 * Claims on one-off actions shared by the server instances ("turn off, epoch 4"): whoever holds
 * the claim acts, the others do nothing. Taken with `writeExclusively`: write, read back, back off.
 */
export interface Claim {
    key: string;
    claimId: string;
    instanceId: string;
    at: string;
}

const ALL = miscKey('cluster-claim');
const forKey = (key: string) => [ALL, miscKey(`cluster-claim:${key}`)];
const forClaim = (key: string, claimId: string) => [...forKey(key), miscKey(`cluster-claim-id:${claimId}`)];
/** the day a claim was taken: old claims go a whole day at a time, without reading them */
const byDay = (date: string) => miscKey(`cluster-claim-day:${date}`);
const isClaim = hasFields<Claim>({ key: 'string', claimId: 'string', at: 'string' });

export class ClaimRepository {
    constructor(private readonly store: RecordStore) {}

    public async list(key: string): Promise<Claim[]> {
        return this.store.all(forKey(key), isClaim);
    }

    public async add(claim: Claim): Promise<void> {
        await this.store.insert([...forClaim(claim.key, claim.claimId), byDay(claim.at.slice(0, 10))], claim);
    }

    public async remove(claim: Pick<Claim, 'key' | 'claimId'>): Promise<void> {
        await this.store.remove(forClaim(claim.key, claim.claimId));
    }

    /** Removes one day's claims (their actions are long done): one call, whatever their number. */
    public async removeDay(date: string): Promise<number> {
        return (await this.store.remove([ALL, byDay(date)])).length;
    }

    /**
     * The steps of `writeExclusively` for one claim. A claim by someone else younger than
     * `staleAfterMs` refuses (they are acting); an older one is taken to be abandoned.
     */
    public steps(claim: Claim, staleAfterMs: number): ExclusiveWriteSteps<'held'> {
        const others = async () => {
            const since = new Date(Date.now() - staleAfterMs).toISOString();
            return (await this.list(claim.key)).filter((c) => c.claimId !== claim.claimId && c.at >= since);
        };
        return {
            check: async () => ((await others()).length > 0 ? 'held' : undefined),
            write: () => this.add(claim),
            othersPresent: async () => (await others()).length > 0,
            undo: () => this.remove(claim),
        };
    }
}
