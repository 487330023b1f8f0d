/** What a change holds while it runs (see `services/change/runChange`): one vocabulary for every change. */
export const Subject = {
    /** everything of one user the app writes: status, pending expiry, schedules, working hours, notices */
    user: (userId: string): string => `user:${userId}`,
    /** the presence service's state (turn-off, turn-on) */
    presence: 'presence',
    /** the early warning's state */
    presenceWarning: 'presence-warning',
    /** every custom status: their changes are rare, so one at a time for the cluster (names stay unique) */
    customStatuses: 'custom-statuses',
} as const;
