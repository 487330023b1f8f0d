import { readPanelSettings, readPresence, type RestReader } from '../../../web/src/admin/presenceReads';

/** A REST double answering by path, recording every path asked. */
function restDouble(answers: Record<string, unknown>) {
    const asked: string[] = [];
    const rest: RestReader = {
        get: async <T>(path: string, query?: Record<string, string | number | undefined>) => {
            asked.push(query ? `${path}?${new URLSearchParams(query as Record<string, string>)}` : path);
            if (!(path in answers)) throw new Error(`no answer for ${path}`);
            return answers[path] as T;
        },
    };
    return { rest, asked };
}

const settings = {
    settings: {
        presence_cap_unlimited: { packageValue: false },
        presence_warning_percent: { packageValue: 80, value: 1 },
        presence_workspace_url: { i18nLabel: 'setting_presence_workspace_url', value: 'http://x' },
        presence_workspace_user_id: { i18nLabel: 'setting_presence_workspace_user_id', value: 'uid' },
        presence_workspace_access_token: { i18nLabel: 'setting_presence_workspace_access_token', value: 'secret-token' },
    },
};

describe("the presence panel's reads", () => {
    it('re-reads only the presence endpoints: never the settings (the access token among them)', async () => {
        const { rest, asked } = restDouble({
            '/api/apps/public/app-1/presence.getConnections': { current: 3, max: 200, source: 'estimate' },
            '/api/apps/public/app-1/presence.history': { days: [{ date: '2026-12-07', peak: 3, cap: 200 }] },
            '/api/apps/public/app-1/status.audit': { entries: [] },
        });
        const reading = await readPresence(rest, 'app-1');
        expect(asked.sort()).toEqual([
            '/api/apps/public/app-1/presence.getConnections',
            '/api/apps/public/app-1/presence.history',
            '/api/apps/public/app-1/status.audit?count=8',
        ]);
        expect(reading).toEqual({ connections: { current: 3, max: 200, source: 'estimate' }, history: [{ date: '2026-12-07', peak: 3, cap: 200 }], audit: [] });
    });

    it('says why the count is missing when its endpoint fails, and keeps the rest', async () => {
        const { rest } = restDouble({ '/api/apps/public/app-1/status.audit': { entries: [] }, '/api/apps/public/app-1/presence.history': { days: [] } });
        const reading = await readPresence(rest, 'app-1');
        expect(reading.connections).toBeUndefined();
        expect(reading.connectionsError).toContain('presence.getConnections');
        expect(reading.audit).toEqual([]);
    });

    it('keeps of the settings only what the panel shows: no value of the access settings', async () => {
        const { rest, asked } = restDouble({ '/api/apps/app-1/settings': settings });
        const read = await readPanelSettings(rest, 'app-1');
        expect(asked).toEqual(['/api/apps/app-1/settings']);
        expect(read).toEqual({
            unlimited: false,
            warningPercent: 1,
            labels: {
                presence_workspace_url: 'setting_presence_workspace_url',
                presence_workspace_user_id: 'setting_presence_workspace_user_id',
                presence_workspace_access_token: 'setting_presence_workspace_access_token',
            },
        });
        expect(JSON.stringify(read)).not.toContain('secret-token');
    });
});
