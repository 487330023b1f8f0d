import { associationKeys, hasFields, miscKey, RecordStore } from '../records';

/** The early warning's state, shared by the instances: armed until a warning is sent, again once the count fell well below. */
export interface WarningState {
    armed: boolean;
    /** counts the warnings sent */
    seq: number;
    at: string;
}

const WARNING = [miscKey('presence-warning')];
const isWarning = hasFields<WarningState>({ armed: 'boolean', seq: 'number' });

export class WarningRepository {
    constructor(private readonly store: RecordStore) {}

    /** The stored state, or undefined before the first warning. */
    public async find(): Promise<WarningState | undefined> {
        return this.store.one(WARNING, isWarning);
    }

    public static associations(): string[] {
        return associationKeys(WARNING);
    }
}
