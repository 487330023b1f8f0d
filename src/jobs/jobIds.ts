/** Ids of the app's scheduler processors. */
export enum JobId {
    StatusExpiry = 'status-expiry',
    /** the safety net: restores every overdue record (a one-time job can be lost, e.g. skipped while the app starts) */
    StatusExpirySweep = 'status-expiry-sweep',
}

export const STATUS_EXPIRY_SWEEP_INTERVAL = '1 minute';

/** The data a status-expiry job carries: the record's owner and the token it must still hold. */
export interface StatusExpiryJobData {
    userId: string;
    token: string;
}

/** Ids of the jobs of scheduled statuses and working hours (one-time, one user each). */
export enum UserJobId {
    ScheduleStart = 'status-schedule-start',
    WorkingHoursBoundary = 'working-hours-boundary',
}
