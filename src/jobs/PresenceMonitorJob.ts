import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IJobContext, IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';

import { AppSetting } from '../settings/AppSetting';
import { PresenceApp, enforceCap, readPresenceSettings, runCounted, setWorkspaceBroadcastDisabled } from '../services/PresenceService';
import { PresenceRepository, effectiveCount } from '../storage/PresenceRepository';

/** The recurring monitor, and the same check run once right after a cap setting changes. */
export const PRESENCE_MONITOR_JOB = 'presence-monitor';
export const PRESENCE_CAP_CHECK_JOB = 'presence-cap-check';
export const PRESENCE_MONITOR_INTERVAL = '30 seconds';

export interface WorkspaceAccess {
    url: string;
    userId: string;
    token: string;
}

async function workspaceAccess(read: IRead): Promise<WorkspaceAccess | undefined> {
    const settings = read.getEnvironmentReader().getSettings();
    const [url, userId, token] = await Promise.all([
        settings.getValueById(AppSetting.WorkspaceUrl),
        settings.getValueById(AppSetting.WorkspaceAccessUserId),
        settings.getValueById(AppSetting.WorkspaceAccessToken),
    ]);
    if (typeof url !== 'string' || !url.trim() || typeof userId !== 'string' || !userId.trim() || typeof token !== 'string' || !token.trim()) {
        return undefined;
    }
    return { url: url.trim().replace(/\/+$/, ''), userId: userId.trim(), token: token.trim() };
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
        return { current };
    } catch (error) {
        return { error: (error as Error).message };
    }
}

/**
 * One run: read the aggregate (one record), correct it from the workspace's exact count when
 * configured (one HTTP call), apply the cap, and keep the workspace settings in line with a
 * service that is off. Its work is the same at 10 users and at 100,000.
 */
export async function runPresenceMonitor(app: PresenceApp, read: IRead, modify: IModify, http: IHttp, persis: IPersistence): Promise<number> {
    const repository = new PresenceRepository(read.getPersistenceReader(), persis);
    const access = await workspaceAccess(read);
    let count: number;
    if (access) {
        const exact = await readWorkspaceConnections(http, access);
        if ('current' in exact) {
            const totals = await runCounted(async () => {
                const latest = await repository.getTotals();
                const corrected = { ...latest, offset: exact.current - latest.events, exact: exact.current, exactAt: new Date().toISOString() };
                await repository.saveTotals(corrected);
                return corrected;
            });
            count = effectiveCount(totals);
        } else {
            app.getLogger().warn(`presence monitor: the workspace count could not be read (${exact.error}); using the app's own count`);
            count = effectiveCount(await repository.getTotals());
        }
    } else {
        count = effectiveCount(await repository.getTotals());
    }
    const turnedOff = await enforceCap(app, { read, modify, http, persis }, count);
    if (!turnedOff && !(await readPresenceSettings(read)).enabled) {
        await setWorkspaceBroadcastDisabled(app, read, true);
    }
    return count;
}

export function presenceProcessors(app: PresenceApp): Array<IProcessor> {
    const processor = async (_context: IJobContext, read: IRead, modify: IModify, http: IHttp, persis: IPersistence): Promise<void> => {
        await runPresenceMonitor(app, read, modify, http, persis);
    };
    return [
        { id: PRESENCE_MONITOR_JOB, processor },
        { id: PRESENCE_CAP_CHECK_JOB, processor },
    ];
}
