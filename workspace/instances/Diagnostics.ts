import { SeqLog } from '../diagnostics/SeqLog';
import type { FiredAppEvent } from '../engine/Engine';
import type { JobRun } from '../scheduler/JobRuns';
import type { SettingHookRun } from './settingSync';
import { PersistenceCounts } from '../diagnostics/PersistenceCounts';

/** What the local diagnostics (`/api/workspace/*`) read: each log covers every instance. */
export interface Diagnostics {
    appEvents: SeqLog<FiredAppEvent>;
    jobRuns: SeqLog<JobRun>;
    settingHooks: SeqLog<SettingHookRun>;
    userUpdates: SeqLog<UserUpdate>;
    /** every app's persistence bridge calls, summed over the instances (`GET /api/workspace/stats`) */
    persistenceCounts: PersistenceCounts;
}

/** An app's write to a user through the user bridge (its user updater), and the instance it came from. */
export interface UserUpdate {
    instance: number;
    appId: string;
    userId: string;
    fields: Record<string, unknown>;
}

export function newDiagnostics(): Diagnostics {
    return {
        appEvents: new SeqLog(),
        jobRuns: new SeqLog(),
        settingHooks: new SeqLog(),
        userUpdates: new SeqLog(),
        persistenceCounts: new PersistenceCounts(),
    };
}
