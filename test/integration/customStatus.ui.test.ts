/**
 * The status picker and the custom-status console driven through the engine's UI interaction
 * path (POST /api/apps/ui.interaction/:appId: action button, block action, view submit), as
 * Rocket.Chat's client does, against the packaged app; the user's status is read back from the
 * workspace (users.info).
 */
import { Creds, startWorkspace, TestWorkspace } from '../helpers/workspace';

const suffix = Date.now().toString(36);

describe('custom statuses in the UI (local workspace, real runtime)', () => {
    let ws: TestWorkspace;
    let alice: Creds;
    let session: Awaited<ReturnType<TestWorkspace['openSession']>> | undefined;
    const interact = (creds: Creds, body: Record<string, unknown>) => ws.request('POST', `/api/apps/ui.interaction/${ws.appId}`, body, creds);
    const info = async (creds: Creds) => (await ws.request('GET', `/api/v1/users.info?userId=${creds.userId}`, undefined, ws.admin)).body.user;
    const json = (value: unknown) => JSON.stringify(value);

    beforeAll(async () => {
        ws = await startWorkspace();
        await ws.setAppSettings({ roles_manage_user_status: 'admin' });
        alice = await ws.createUser(`alice-ui-${suffix}`);
        // a connected user: the visible status follows what they set
        session = await ws.openSession(alice);
    }, 120_000);

    afterAll(async () => {
        await session?.close();
        await ws?.stop();
    }, 60_000);

    it('the picker lists presets and custom statuses; choosing a custom one sets presence and message', async () => {
        const created = (await ws.app('POST', 'custom-user-status.create', { name: `In a meeting ${suffix}`, statusType: 'busy' }, ws.admin)).body
            .customUserStatus;
        const opened = await interact(alice, { type: 'actionButton', actionId: 'user-status-open-picker', payload: {} });
        expect(opened.status).toBe(200);
        expect(json(opened.body)).toContain('user-status-picker');
        expect(json(opened.body)).toContain(`custom:${created._id}`);
        expect(json(opened.body)).toContain('preset:away');

        const submitted = await interact(alice, {
            type: 'viewSubmit',
            actionId: 'submit',
            payload: {
                view: {
                    id: 'user-status-picker',
                    state: {
                        'picker-status': { 'picker-status-select': `custom:${created._id}` },
                        'picker-clear-after': { 'picker-clear-after-select': 'never' },
                    },
                },
            },
        });
        expect(submitted.status).toBe(200);
        expect(json(submitted.body)).not.toContain('errors');
        expect(await info(alice)).toMatchObject({ status: 'busy', statusText: `In a meeting ${suffix}` });

        // a preset with a message and "clear after"
        const preset = await interact(alice, {
            type: 'viewSubmit',
            actionId: 'submit',
            payload: {
                view: {
                    id: 'user-status-picker',
                    state: {
                        'picker-status': { 'picker-status-select': 'preset:away' },
                        'picker-message': { 'picker-message-input': ' Lunch ' },
                        'picker-clear-after': { 'picker-clear-after-select': '1h' },
                    },
                },
            },
        });
        expect(preset.status).toBe(200);
        expect(await info(alice)).toMatchObject({ status: 'away', statusText: 'Lunch' });

        // no choice: a field error in the view, nothing changes
        const none = await interact(alice, { type: 'viewSubmit', actionId: 'submit', payload: { view: { id: 'user-status-picker', state: {} } } });
        expect(none.body).toMatchObject({ success: false, type: 'errors', errors: { 'picker-status-select': expect.stringContaining('Choose a status') } });
        expect(await info(alice)).toMatchObject({ status: 'away', statusText: 'Lunch' });
    });

    it('/status <custom name> sets it too', async () => {
        await ws.app('POST', 'custom-user-status.create', { name: `Commuting ${suffix}`, statusType: 'away' }, ws.admin);
        const res = await ws.command(alice, 'status', `commuting ${suffix}`);
        expect(res.status).toBe(200);
        expect(await info(alice)).toMatchObject({ status: 'away', statusText: `Commuting ${suffix}` });
    });

    it('the admin console: new, field errors in the view, edit, search, delete; refused to others', async () => {
        const denied = await interact(alice, { type: 'actionButton', actionId: 'custom-status-open-admin', payload: {} });
        expect(json(denied.body)).not.toContain('cs-admin-new');

        const opened = await interact(ws.admin, { type: 'actionButton', actionId: 'custom-status-open-admin', payload: {} });
        expect(json(opened.body)).toContain('cs-admin-new');
        const form = await interact(ws.admin, {
            type: 'blockAction',
            actionId: 'cs-admin-new',
            payload: { blockId: 'cs-admin-toolbar', value: 'new' },
            container: { type: 'view', id: 'custom-status-admin' },
        });
        expect(json(form.body)).toContain('cs-form-name:new');

        const submit = (state: Record<string, unknown>) =>
            interact(ws.admin, { type: 'viewSubmit', actionId: 'submit', payload: { view: { id: 'custom-status-admin', state } } });
        const bad = await submit({ 'cs-form-name:new': { 'cs-form-name-input': 'a<b' }, 'cs-form-presence': { 'cs-form-presence-select': 'busy' } });
        expect(bad.status).toBe(200);
        // keyed by the field's action id, where Rocket.Chat's UIKit renderer looks a field's error up
        expect(bad.body).toMatchObject({ success: false, type: 'errors', errors: { 'cs-form-name-input': expect.stringContaining('is not a valid name') } });
        const name = `Focus ${suffix}`;
        const good = await submit({ 'cs-form-name:new': { 'cs-form-name-input': name }, 'cs-form-presence': { 'cs-form-presence-select': 'busy' } });
        expect(json(good.body)).toContain(name);
        const taken = await submit({ 'cs-form-name:new': { 'cs-form-name-input': name }, 'cs-form-presence': { 'cs-form-presence-select': 'away' } });
        expect(taken.body).toMatchObject({ success: false, errors: { 'cs-form-name-input': expect.stringContaining('is already in use') } });

        const record = (await ws.app('GET', 'custom-user-status.list', { name }, ws.admin)).body.statuses[0];
        expect(record).toMatchObject({ name, statusType: 'busy' });
        const edited = await submit({
            [`cs-form-name:${record._id}`]: { 'cs-form-name-input': `${name} time` },
            'cs-form-presence': { 'cs-form-presence-select': 'none' },
        });
        expect(json(edited.body)).toContain(`${name} time`);
        expect((await ws.app('GET', 'custom-user-status.list', { _id: record._id }, ws.admin)).body.statuses[0]).toMatchObject({
            name: `${name} time`,
            statusType: null,
        });

        const searched = await interact(ws.admin, {
            type: 'blockAction',
            actionId: 'cs-admin-search-input',
            payload: { blockId: 'cs-admin-search', value: 'zzz-nothing' },
            container: { type: 'view', id: 'custom-status-admin' },
        });
        expect(json(searched.body)).toContain('No custom status matches');

        await interact(ws.admin, {
            type: 'blockAction',
            actionId: 'cs-admin-delete',
            payload: { blockId: `cs-admin-row:${record._id}`, value: record._id },
            container: { type: 'view', id: 'custom-status-admin' },
        });
        expect((await ws.app('GET', 'custom-user-status.list', { _id: record._id }, ws.admin)).body.total).toBe(0);
    });
});
