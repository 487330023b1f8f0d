/** Ids of the app's scheduler processors: one vocabulary for whoever arms a job and whoever runs it. */
export enum JobId {
    /** one user's "clear after" */
    StatusExpiry = 'status-expiry',
    /** the safety net behind each expiry's own job: restores the overdue ones (a one-time job can be lost) */
    StatusExpirySweep = 'status-expiry-sweep',
    ScheduleStart = 'status-schedule-start',
    WorkingHoursBoundary = 'working-hours-boundary',
    PresenceMonitor = 'presence-monitor',
    /** the monitor's check once, right after a cap setting changed */
    PresenceCapCheck = 'presence-cap-check',
    /** an admin's switch from the settings page */
    PresenceSwitch = 'presence-switch',
    Retention = 'retention',
    /** an admin's edit of the custom statuses on the settings page */
    CustomStatusSync = 'custom-status-settings-sync',
    /** finishes or undoes the changes whose writer died */
    ChangeRecovery = 'change-recovery',
    /** what a login leads to, done after the login answered: the inactive notice, a count check */
    LoginFollowUp = 'presence-login-follow-up',
}

/** How often the recurring jobs run. */
export const JobInterval = {
    [JobId.StatusExpirySweep]: '1 minute',
    [JobId.PresenceMonitor]: '20 seconds',
    [JobId.Retention]: '6 hours',
    [JobId.ChangeRecovery]: '1 minute',
} as const;

/** The data a status-expiry job carries: the record's owner and the token it must still hold. */
export interface StatusExpiryJobData {
    userId: string;
    token: string;
}
