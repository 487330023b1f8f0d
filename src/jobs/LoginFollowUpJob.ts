import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IJobContext, IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { JobId } from '../core/jobIds';
import { sendInactiveNotice } from '../services/presence/notices';
import { PresenceAccess, PresenceApp, describeError } from '../services/presence/PresenceApp';
import { hintConnectionsChanged } from '../services/presence/presenceCheck';
import { readPresenceStateForRequest } from '../services/presence/presenceSwitch';

/**
 * What a login leads to, done after the login rather than in it: Rocket.Chat awaits the apps'
 * IPostUserLoggedIn before the login answers (apps/meteor/app/authentication/server/startup/index.js),
 * so the listener only notes what it must and arms this one-time job, which sends the user the
 * inactive notice (a direct message, when the service is off) and reads the count again.
 */
/**
 * How long after a login the job runs: Rocket.Chat counts the new connection only after the login
 * event has been handled (`updateConns` in apps/meteor/server/startup/presence.ts, at once when it
 * has not run for 30 s, else at the end of its 30 s window, which the monitor job covers).
 */
export const LOGIN_FOLLOW_UP_DELAY_MS = 2000;

export interface LoginFollowUp {
    /** the user to send the inactive notice to, when the service was off at the login */
    userId?: string;
    /** read the count again */
    check: boolean;
}

/** When this instance last armed a count check for a login: one per delay is enough for any number of logins. */
let lastCheckArmedAt = 0;

/**
 * From the login listener: arms the follow-up when there is something to do (a notice while the
 * service is off; a count check, at most one per delay on this instance). Costs a scheduler call at
 * most, and a read of the presence state when this instance has none from the last second.
 */
export async function armLoginFollowUp(
    app: PresenceApp,
    access: Pick<PresenceAccess, 'read' | 'modify'>,
    user: IUser,
    now = Date.now(),
): Promise<LoginFollowUp | undefined> {
    const state = await readPresenceStateForRequest(app, access);
    const notice = !state.enabled && state.epoch > 0 && !!user.id;
    const check = now - lastCheckArmedAt >= LOGIN_FOLLOW_UP_DELAY_MS;
    if (!notice && !check) {
        return undefined;
    }
    if (check) {
        lastCheckArmedAt = now;
    }
    const data: LoginFollowUp = { check, ...(notice ? { userId: user.id } : {}) };
    await access.modify.getScheduler().scheduleOnce({ id: JobId.LoginFollowUp, when: new Date(now + LOGIN_FOLLOW_UP_DELAY_MS), data: { ...data } });
    return data;
}

/** The job: the notice to the user who logged in (once per turn-off), then a count check (at most once a second). */
export async function runLoginFollowUp(app: PresenceApp, access: PresenceAccess, followUp: Partial<LoginFollowUp>): Promise<void> {
    if (typeof followUp.userId === 'string') {
        const user = await access.read.getUserReader().getById(followUp.userId);
        if (user) {
            await sendInactiveNotice(app, access, user);
        }
    }
    if (followUp.check === true) {
        await hintConnectionsChanged(app, access);
    }
}

export function loginFollowUpProcessor(app: PresenceApp): IProcessor {
    return {
        id: JobId.LoginFollowUp,
        processor: async (context: IJobContext, read: IRead, modify: IModify, http: IHttp, persis: IPersistence): Promise<void> => {
            try {
                await runLoginFollowUp(app, { read, modify, http, persis }, context as Partial<LoginFollowUp>);
            } catch (error) {
                app.getLogger().error(`presence: a login's follow-up failed: ${describeError(error)}`);
            }
        },
    };
}
