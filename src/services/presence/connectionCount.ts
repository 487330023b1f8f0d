import { IHttp } from '@rocket.chat/apps-engine/definition/accessors';

import { ConnectionCountRepository, INSTANCE_RECORD_TTL_MS } from '../../storage/presence/ConnectionCountRepository';
import { RecordStore } from '../../storage/records';
import { compactOwn, countOnline, mergeObservations } from '../../core/presence/OnlineEstimate';
import { isConnected, onlineTally } from './OnlineTally';
import { PresenceApp, PresenceAccess, describeError, storeOf } from './PresenceApp';
import { PresenceConfig, WorkspaceAccess } from './presenceConfig';
import { PRESENCE_MESSAGES, formatAge } from '../../i18n/presenceMessages';
import { translator } from '../../i18n/translate';

/**
 * A connection count and where it comes from: Rocket.Chat's own (`workspace`) or the app's estimate.
 * `stale`: Rocket.Chat's rate limiter refused a fresh read, so this is the last exact count, read at
 * `at` (every place that shows it says so, with its age).
 */
export interface ConnectionCount {
    current: number;
    source: 'workspace' | 'estimate';
    at: string;
    stale?: true;
}

export type WorkspaceReading = { current: number } | { error: string } | { rateLimited: true; retryAt: number };

/** Rocket.Chat's rate limiter answered 429: this instance does not ask again before then (ms since epoch). */
let retryAt = 0;
/** When this instance last logged the rate limiter's refusal (once per refusal). */
let loggedRetryAt = 0;

/**
 * When Rocket.Chat's rate limiter lets the route be called again: its `X-RateLimit-Reset` (ms since
 * epoch), else the seconds its error names ("You must wait N seconds"), else a minute (its default window).
 */
export function retryTimeOf(headers: Record<string, string> | undefined, error: unknown, now: number): number {
    const reset = Number(headers?.['x-ratelimit-reset']);
    if (Number.isFinite(reset) && reset > now) return reset;
    const seconds = typeof error === 'string' ? /wait (\d+) seconds/.exec(error)?.[1] : undefined;
    return now + (seconds ? Number(seconds) * 1000 : 60_000);
}

/**
 * The workspace's own count (`GET /api/v1/presence.getConnections`), or why it could not be read. A
 * 429 from Rocket.Chat's REST rate limiter (10 calls a minute per route and client address, unless the
 * caller holds `api-bypass-rate-limit`) is remembered: no call is made again before the limiter's
 * reset. The token is never logged.
 */
export async function readWorkspaceConnections(http: IHttp, access: WorkspaceAccess, now = Date.now()): Promise<WorkspaceReading> {
    if (now < retryAt) {
        return { rateLimited: true, retryAt };
    }
    try {
        const response = await http.get(`${access.url}/api/v1/presence.getConnections`, {
            headers: { 'X-User-Id': access.userId, 'X-Auth-Token': access.token },
            timeout: 5000,
        });
        if (response.statusCode === 429) {
            retryAt = retryTimeOf(response.headers, (response.data as { error?: unknown } | undefined)?.error, Date.now());
            return { rateLimited: true, retryAt };
        }
        const current = (response.data as { current?: unknown } | undefined)?.current;
        if (response.statusCode !== 200 || typeof current !== 'number' || !Number.isFinite(current) || current < 0) {
            return { error: `HTTP ${response.statusCode}` };
        }
        return { current: Math.floor(current) };
    } catch (error) {
        return { error: describeError(error) };
    }
}

/** How often an instance rewrites its record when nothing changed, so that it does not age out. */
const INSTANCE_REFRESH_MS = Math.floor(INSTANCE_RECORD_TTL_MS / 4);

/**
 * The estimate: the users online over every live instance's observations (this instance's from
 * memory, written to its own record when they changed). Reads one record per instance, never one
 * per user.
 */
export async function estimateConnections(store: RecordStore, writable: boolean, now = new Date()): Promise<ConnectionCount> {
    const repository = new ConnectionCountRepository(store);
    const others = (await repository.liveInstances(now)).filter((record) => record.instanceId !== onlineTally.instanceId).map((record) => record.users);
    if (writable) {
        onlineTally.replace(compactOwn(onlineTally.snapshot(), others));
        if (onlineTally.needsSaving(now.getTime(), INSTANCE_REFRESH_MS)) {
            await repository.saveInstance({ instanceId: onlineTally.instanceId, users: onlineTally.snapshot(), at: now.toISOString() });
            onlineTally.markSaved(now.getTime());
        }
    }
    const merged = mergeObservations([onlineTally.snapshot(), ...others]);
    onlineTally.rememberOnline([...merged].filter(([, [online]]) => online).map(([userId]) => userId));
    return { current: countOnline(merged), source: 'estimate', at: now.toISOString() };
}

/**
 * Reads every user the estimate counts online and notes who is still connected: while presence
 * is off, Rocket.Chat sends no status events, so the estimate cannot see users leave. Costs one
 * read per user online; used when an admin looks at the count or asks to turn the service on.
 */
export async function revalidateEstimate(access: Pick<PresenceAccess, 'read' | 'persis'>): Promise<ConnectionCount> {
    const store = storeOf(access);
    await estimateConnections(store, false);
    const ids = onlineTally.onlineAtLastEstimate();
    const users = access.read.getUserReader();
    for (let i = 0; i < ids.length; i += REVALIDATE_BATCH) {
        await Promise.all(
            ids.slice(i, i + REVALIDATE_BATCH).map(async (id) => {
                // a user who cannot be read now stays counted: never fewer than may be there
                const user = await users.getById(id).then(
                    (found) => ({ found }),
                    () => undefined,
                );
                if (user) {
                    onlineTally.observe(id, isConnected(user.found?.statusConnection));
                }
            }),
        );
    }
    return estimateConnections(store, true);
}

const REVALIDATE_BATCH = 20;

/**
 * Counts the connections now: Rocket.Chat's own count when the access settings are filled in
 * (kept for the readers that cannot call out, e.g. the settings hooks), else the estimate. While
 * Rocket.Chat's rate limiter refuses the read, the last exact count stands in, marked `stale` with
 * the time it was read (the refusal is logged once, with what the token's owner lacks); when the
 * workspace cannot be read otherwise (or was never read), the estimate stands in and the failure is
 * logged. `revalidate` reads the users the estimate counts (see `revalidateEstimate`).
 */
export async function countConnections(
    app: PresenceApp,
    access: PresenceAccess,
    config: PresenceConfig,
    options: { revalidate?: boolean } = {},
): Promise<ConnectionCount> {
    const store = storeOf(access);
    if (config.access) {
        const exact = await readWorkspaceConnections(access.http, config.access);
        if ('current' in exact) {
            const count: ConnectionCount = { current: exact.current, source: 'workspace', at: new Date().toISOString() };
            await new ConnectionCountRepository(store).saveExact({ current: count.current, at: count.at });
            return count;
        }
        if ('rateLimited' in exact) {
            const last = await new ConnectionCountRepository(store).getExact();
            if (loggedRetryAt !== exact.retryAt) {
                loggedRetryAt = exact.retryAt;
                app.getLogger().warn(
                    `presence: Rocket.Chat's rate limiter refused to give its connection count (HTTP 429) until ${new Date(exact.retryAt).toISOString()}; ` +
                        `${last ? `the last exact count (${last.current}, read ${last.at}) stands in` : "the app's estimate stands in"}. ` +
                        'Give the owner of the access token the api-bypass-rate-limit permission (admins have it).',
                );
            }
            if (last) {
                return { current: last.current, source: 'workspace', at: last.at, stale: true };
            }
            return options.revalidate ? revalidateEstimate(access) : estimateConnections(store, true);
        }
        app.getLogger().warn(`presence: Rocket.Chat's connection count could not be read (${exact.error}); using the app's estimate`);
    }
    return options.revalidate ? revalidateEstimate(access) : estimateConnections(store, true);
}

/**
 * How a count's source reads where the count is shown (`/status connections`, the console, the early
 * warning): Rocket.Chat's own count, the last exact one with its age, or the estimate.
 */
export function countSourceText(count: ConnectionCount, language: string | undefined, now = Date.now()): string {
    const t = translator(PRESENCE_MESSAGES, language);
    if (count.source === 'estimate') return t('source_estimate');
    return count.stale ? t('source_workspace_stale', { count: count.current, age: formatAge(now - Date.parse(count.at)) }) : t('source_workspace');
}

/** The last count known without calling out: the stored exact reading when configured, else the estimate. */
export async function lastKnownConnections(store: RecordStore, config: PresenceConfig): Promise<ConnectionCount> {
    if (config.access) {
        const exact = await new ConnectionCountRepository(store).getExact();
        if (exact) {
            return { current: exact.current, source: 'workspace', at: exact.at };
        }
    }
    return estimateConnections(store, false);
}
