import { associationKeys, hasFields, miscKey, RecordStore } from '../records';

/** Why the presence service went off: the app's cap, Rocket.Chat's own cap (or anything else outside the app), an admin. */
export type TurnOffReason = 'cap' | 'server' | 'admin';

/**
 * The presence service's state, shared by every server instance: the truth for "is it on". The
 * app setting `presence_service_enabled` mirrors it for the settings page. `epoch` counts the
 * turn-offs; users are told once per epoch.
 */
export interface PresenceState {
    enabled: boolean;
    epoch: number;
    /** when it last changed */
    at: string;
    /** of the last turn-off */
    reason?: TurnOffReason;
    /** the connections counted and the cap in force at the last turn-off */
    count?: number;
    cap?: number;
}

const STATE = [miscKey('presence-state')];
const isState = hasFields<PresenceState>({ enabled: 'boolean', epoch: 'number' });

export const INITIAL_STATE: PresenceState = { enabled: true, epoch: 0, at: new Date(0).toISOString() };

export class PresenceStateRepository {
    constructor(private readonly store: RecordStore) {}

    /** The stored state; before the first change, on (the service starts on). */
    public async get(): Promise<PresenceState> {
        return (await this.store.one(STATE, isState)) ?? INITIAL_STATE;
    }

    /** The state's associations, for the step of a change that writes it. */
    public static associations(): string[] {
        return associationKeys(STATE);
    }
}
