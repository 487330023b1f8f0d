import { SeqLog } from '../diagnostics/SeqLog';
import type { FiredAppEvent } from '../engine/Engine';
import type { JobRun } from '../scheduler/JobRuns';
import type { SettingHookRun } from './settingSync';

/** What the local diagnostics (`/api/workspace/*`) read: each log covers every instance. */
export interface Diagnostics {
    appEvents: SeqLog<FiredAppEvent>;
    jobRuns: SeqLog<JobRun>;
    settingHooks: SeqLog<SettingHookRun>;
}

export function newDiagnostics(): Diagnostics {
    return { appEvents: new SeqLog(), jobRuns: new SeqLog(), settingHooks: new SeqLog() };
}
