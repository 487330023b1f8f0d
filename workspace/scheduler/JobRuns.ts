import type { SeqLog } from '../diagnostics/SeqLog';

/** One run of a job's processor, for the local diagnostic `GET /api/workspace/jobRuns`. */
export interface JobRun {
    /** The processor as the engine registered it (`<id>_<appId>`). */
    name: string;
    appId: string;
    /** The server instance whose app runtime ran it. */
    instance: number;
    /** When the run started (ISO). */
    at: string;
    /** `schedule`: the job was due; `runDue`: made due by `POST /api/workspace/jobs.runDue`. */
    trigger: 'schedule' | 'runDue';
}

export type JobRuns = SeqLog<JobRun>;
