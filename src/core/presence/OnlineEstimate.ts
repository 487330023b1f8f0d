/**
 * The estimate of the users online when the app cannot read Rocket.Chat's exact count, as a
 * set of observations shared by the server instances. Each instance writes only its own
 * observations (who it saw come online or go offline, and when); the estimate merges every live
 * instance's and counts, for each user, the latest one. So a user seen coming online on one
 * instance and going offline on another counts as offline, and a user seen on two instances
 * counts once. Pure: no engine imports.
 */

/** An observation: online (true) or offline (false), at a time (ms). */
export type Observation = [online: boolean, at: number];

export type Observations = Record<string, Observation>;

/** The latest observation of every user, over several instances' observations. */
export function mergeObservations(all: ReadonlyArray<Observations>): Map<string, Observation> {
    const latest = new Map<string, Observation>();
    for (const observations of all) {
        for (const [userId, observation] of Object.entries(observations)) {
            const seen = latest.get(userId);
            if (!seen || seen[1] < observation[1]) {
                latest.set(userId, observation);
            }
        }
    }
    return latest;
}

export function countOnline(merged: ReadonlyMap<string, Observation>): number {
    let n = 0;
    for (const [online] of merged.values()) {
        if (online) {
            n++;
        }
    }
    return n;
}

/**
 * An instance's own observations, trimmed against the others': an online observation that a
 * newer offline one elsewhere overrides is dropped, and an offline observation is kept only while
 * some other instance still has an older online one for that user (it is what overrides it). So
 * the records stay about as small as the number of users online.
 */
export function compactOwn(own: Observations, others: ReadonlyArray<Observations>): Observations {
    const elsewhere = mergeObservations(others);
    const kept: Observations = {};
    for (const [userId, observation] of Object.entries(own)) {
        const other = elsewhere.get(userId);
        const [online, at] = observation;
        const keep = online ? !(other && !other[0] && other[1] > at) : !!(other && other[0] && other[1] < at);
        if (keep) {
            kept[userId] = observation;
        }
    }
    return kept;
}
