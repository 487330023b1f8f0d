import { Observation, Observations } from '../../core/presence/OnlineEstimate';
import { PROCESS_ID } from '../change/processState';

/**
 * This server instance's own observations of users coming online and going offline (status
 * events, and users the app reads). It lives in this instance's memory on purpose: an instance's
 * observations are written to its own record, which ages out when the instance is gone.
 */
export class OnlineTally {
    /** identifies this instance in the shared store */
    public readonly instanceId = PROCESS_ID;
    private observations: Observations = {};
    private changed = false;
    private savedAt = 0;
    /** who the last estimate counted online, over every instance */
    private lastOnline = new Set<string>();

    /** Notes a user's connection state; answers whether it changed what this instance knows. */
    public observe(userId: string, online: boolean, at = Date.now()): boolean {
        const known: Observation | undefined = this.observations[userId];
        if (known && known[0] === online) {
            return false;
        }
        this.observations[userId] = [online, at];
        this.changed = true;
        return true;
    }

    public snapshot(): Observations {
        return { ...this.observations };
    }

    /**
     * Notes what a read of a user showed: only when it contradicts the last estimate (a read of a
     * disconnected bot, again and again, writes nothing).
     */
    public observeRead(userId: string, online: boolean): boolean {
        return this.lastOnline.has(userId) === online ? false : this.observe(userId, online);
    }

    public rememberOnline(userIds: Iterable<string>): void {
        this.lastOnline = new Set(userIds);
    }

    public onlineAtLastEstimate(): string[] {
        return [...this.lastOnline];
    }

    /** Replaces the observations with their compacted form (see `compactOwn`). */
    public replace(observations: Observations): void {
        if (Object.keys(observations).length !== Object.keys(this.observations).length) {
            this.changed = true;
        }
        this.observations = { ...observations };
    }

    /** Whether this instance's record needs writing: something changed, or it is getting old. */
    public needsSaving(now: number, refreshMs: number): boolean {
        return this.changed || now - this.savedAt >= refreshMs;
    }

    public markSaved(now: number): void {
        this.changed = false;
        this.savedAt = now;
    }
}

/** The one tally of this instance. */
export const onlineTally = new OnlineTally();

const CONNECTED = ['online', 'away', 'busy'];

/** Whether a user as the engine hands it over is connected (Rocket.Chat's `statusConnection`). */
export function isConnected(statusConnection: unknown): boolean {
    return typeof statusConnection === 'string' && CONNECTED.includes(statusConnection);
}
