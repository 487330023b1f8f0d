import { Observations } from '../../core/presence/OnlineEstimate';
import { hasFields, miscKey, RecordStore } from '../records';

/** The workspace's own count (`presence.getConnections`), as last read by any instance. */
export interface ExactCount {
    current: number;
    at: string;
}

/** One server instance's observations of users coming online and going offline (see OnlineEstimate). */
export interface InstanceCount {
    instanceId: string;
    users: Observations;
    at: string;
}

const EXACT = [miscKey('presence-count-exact')];
const INSTANCES = miscKey('presence-count-instance');
const instance = (id: string) => [INSTANCES, miscKey(`presence-count-instance:${id}`)];
const isExact = hasFields<ExactCount>({ current: 'number', at: 'string' });
const isInstance = (value: unknown): value is InstanceCount =>
    hasFields<InstanceCount>({ instanceId: 'string', at: 'string' })(value) && typeof value.users === 'object' && value.users !== null;

/**
 * The connection counts in the app's persistence. Each instance writes only its own record of
 * observations, so no two instances write the same record, and the estimate merges them; a record
 * that has not been written for `INSTANCE_RECORD_TTL_MS` belongs to an instance that is gone.
 */
export const INSTANCE_RECORD_TTL_MS = 10 * 60 * 1000;

export class ConnectionCountRepository {
    constructor(private readonly store: RecordStore) {}

    public async getExact(): Promise<ExactCount | undefined> {
        return this.store.one(EXACT, isExact);
    }

    public async saveExact(count: ExactCount): Promise<void> {
        await this.store.upsert(EXACT, count);
    }

    public async saveInstance(count: InstanceCount): Promise<void> {
        await this.store.upsert(instance(count.instanceId), count);
    }

    /** The live instances' records (the number of instances, never of users). */
    public async liveInstances(now: Date): Promise<InstanceCount[]> {
        const since = new Date(now.getTime() - INSTANCE_RECORD_TTL_MS).toISOString();
        return (await this.store.all([INSTANCES], isInstance)).filter((record) => record.at >= since);
    }

    /** Removes the records of instances that are gone. */
    public async pruneInstances(now: Date): Promise<number> {
        const since = new Date(now.getTime() - INSTANCE_RECORD_TTL_MS).toISOString();
        const gone = (await this.store.all([INSTANCES], isInstance)).filter((record) => record.at < since);
        for (const record of gone) {
            await this.store.remove(instance(record.instanceId));
        }
        return gone.length;
    }
}
