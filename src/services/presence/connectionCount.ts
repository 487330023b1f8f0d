import { IHttp } from '@rocket.chat/apps-engine/definition/accessors';

import { ConnectionCountRepository, INSTANCE_RECORD_TTL_MS } from '../../storage/presence/ConnectionCountRepository';
import { RecordStore } from '../../storage/records';
import { compactOwn, countOnline, mergeObservations } from '../../core/presence/OnlineEstimate';
import { isConnected, onlineTally } from './OnlineTally';
import { PresenceApp, PresenceAccess, describeError, storeOf } from './PresenceApp';
import { PresenceConfig, WorkspaceAccess } from './presenceConfig';

/** A connection count and where it comes from: Rocket.Chat's own (`workspace`) or the app's estimate. */
export interface ConnectionCount {
    current: number;
    source: 'workspace' | 'estimate';
    at: string;
}

/** The workspace's own count (`GET /api/v1/presence.getConnections`), or why it could not be read. The token is never logged. */
export async function readWorkspaceConnections(http: IHttp, access: WorkspaceAccess): Promise<{ current: number } | { error: string }> {
    try {
        const response = await http.get(`${access.url}/api/v1/presence.getConnections`, {
            headers: { 'X-User-Id': access.userId, 'X-Auth-Token': access.token },
            timeout: 5000,
        });
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
 * (kept for the readers that cannot call out, e.g. the settings hooks), else the estimate. When
 * the workspace cannot be read, the estimate stands in and the failure is logged. `revalidate`
 * reads the users the estimate counts (see `revalidateEstimate`).
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
        app.getLogger().warn(`presence: Rocket.Chat's connection count could not be read (${exact.error}); using the app's estimate`);
    }
    return options.revalidate ? revalidateEstimate(access) : estimateConnections(store, true);
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
