import { hasFields, miscKey, RecordStore } from '../records';

/** The early warning's state, shared by the instances: armed until a warning is sent, again once the count fell well below. */
export interface WarningState {
    armed: boolean;
    /** counts the warnings sent (each is claimed once for the cluster) */
    seq: number;
    at: string;
}

const WARNING = [miscKey('presence-warning')];
const isWarning = hasFields<WarningState>({ armed: 'boolean', seq: 'number' });

export class WarningRepository {
    constructor(private readonly store: RecordStore) {}

    public async get(): Promise<WarningState> {
        return (await this.store.one(WARNING, isWarning)) ?? { armed: true, seq: 0, at: new Date(0).toISOString() };
    }

    public async save(state: WarningState): Promise<void> {
        await this.store.upsert(WARNING, state);
    }
}
