/**
 * custom-user-status.list|create|update|delete over HTTP against the packaged app in the real
 * Apps-Engine runtime (local workspace): the exact bodies of SPEC.md section 2, the 20-way race
 * on one name, and the Apps settings page kept in step both ways.
 */
import { pollUntil } from '../helpers/poll';
import { Creds, startWorkspace, TestWorkspace } from '../helpers/workspace';

const suffix = Date.now().toString(36);
const NOT_LOGGED_IN = { success: false, status: 'error', message: 'You must be logged in to do this.', error: 'You must be logged in to do this.' };
const IN_USE = {
    success: false,
    errorType: 'Custom_User_Status_Error_Name_Already_In_Use',
    error: 'The custom user status name is already in use [Custom_User_Status_Error_Name_Already_In_Use]',
};

describe('custom-user-status endpoints (local workspace, real runtime)', () => {
    let ws: TestWorkspace;
    let alice: Creds;
    const create = (body: unknown, creds: Creds = ws.admin) => ws.app('POST', 'custom-user-status.create', body, creds);
    const update = (body: unknown, creds: Creds = ws.admin) => ws.app('POST', 'custom-user-status.update', body, creds);
    const remove = (body: unknown, creds: Creds = ws.admin) => ws.app('POST', 'custom-user-status.delete', body, creds);
    const list = (query: Record<string, string>, creds: Creds = ws.admin) => ws.app('GET', 'custom-user-status.list', query, creds);
    const settingsText = async (): Promise<string> => {
        const res = await ws.request('GET', `/api/apps/${ws.appId}/settings`, undefined, ws.admin);
        expect(res.status).toBe(200);
        return String(res.body.settings.custom_statuses?.value ?? '');
    };
    const allNames = async (): Promise<string[]> =>
        ((await list({ count: '0' })).body.statuses as Array<{ name: string; statusType: string }>).map((s) => `${s.name}: ${s.statusType}`);

    beforeAll(async () => {
        ws = await startWorkspace();
        await ws.setAppSettings({ roles_manage_user_status: 'admin' });
        alice = await ws.createUser(`alice-cs-${suffix}`);
    }, 120_000);

    afterAll(async () => {
        await ws?.stop();
    }, 60_000);

    it('not logged in: 401 in the JSON envelope on all four', async () => {
        const root = `/api/apps/public/${ws.appId}`;
        for (const res of [
            await ws.request('GET', `${root}/custom-user-status.list`),
            await ws.request('POST', `${root}/custom-user-status.create`, { name: 'x' }),
            await ws.request('POST', `${root}/custom-user-status.update`, { _id: 'x', name: 'x' }),
            await ws.request('POST', `${root}/custom-user-status.delete`, { customUserStatusId: 'x' }),
        ]) {
            expect(res.status).toBe(401);
            expect(res.headers['content-type']).toMatch(/application\/json/);
            expect(res.body).toEqual(NOT_LOGGED_IN);
        }
    });

    it('create, with every rule in order', async () => {
        let res = await create({ name: 'Lunch', statusType: 'away' });
        expect(res.status).toBe(200);
        expect(res.body.success).toBe(true);
        expect(Object.keys(res.body.customUserStatus).sort()).toEqual(['_id', '_updatedAt', 'name', 'statusType']);
        expect(res.body.customUserStatus).toMatchObject({ name: 'Lunch', statusType: 'away' });

        res = await create({ name: 5 }, alice);
        expect([res.status, res.body]).toEqual([400, { success: false, error: 'Match error: Expected string, got number in field name' }]);
        res = await create({ name: '' }, alice);
        expect([res.status, res.body]).toEqual([400, { success: false, errorType: 'not_authorized', error: '[not_authorized]' }]);
        res = await create({ name: '  ' });
        expect(res.body).toEqual({
            success: false,
            errorType: 'error-the-field-is-required',
            error: 'The field Name is required [error-the-field-is-required]',
        });
        res = await create({ name: 'a & b' });
        expect(res.body).toEqual({
            success: false,
            errorType: 'error-input-is-not-a-valid-field',
            error: 'a & b is not a valid name [error-input-is-not-a-valid-field]',
        });
        res = await create({ name: 'Lunch', statusType: 'bogus' });
        expect(res.body).toEqual(IN_USE);
        res = await create({ name: 'Other', statusType: 'bogus' });
        expect(res.body).toEqual({
            success: false,
            errorType: 'error-input-is-not-a-valid-field',
            error: 'bogus is not a valid status type [error-input-is-not-a-valid-field]',
        });
    });

    it('twenty simultaneous creates of one name give exactly one record', async () => {
        const name = `Race ${suffix}`;
        const responses = await Promise.all(Array.from({ length: 20 }, () => create({ name, statusType: 'busy' })));
        expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
        expect(responses.filter((r) => r.status === 400 && r.body.errorType === IN_USE.errorType)).toHaveLength(19);
        const found = await list({ name });
        expect(found.body.total).toBe(1);
    });

    it('update: unknown id first, then the rules; rename and presence change', async () => {
        const created = (await create({ name: 'Focus', statusType: 'busy' })).body.customUserStatus;
        let res = await update({ _id: 'nope', name: '' }, alice);
        expect([res.status, res.body]).toEqual([400, { success: false, error: 'No custom user status found with the id of "nope".' }]);
        res = await update({ _id: created._id, name: 'x' }, alice);
        expect(res.body).toEqual({ success: false, errorType: 'not_authorized', error: '[not_authorized]' });
        res = await update({ _id: created._id, name: 'Lunch' });
        expect(res.body).toEqual(IN_USE);
        res = await update({ _id: created._id, name: 'Focus' });
        expect(res.status).toBe(200);
        res = await update({ _id: created._id, name: 'Deep focus', statusType: 'offline' });
        expect(res.body).toMatchObject({ success: true, customUserStatus: { _id: created._id, name: 'Deep focus', statusType: 'offline' } });
    });

    it('list: any user, name filter, _id, paging, sorted by name', async () => {
        const res = await list({ name: 'LUN' }, alice);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ count: 1, offset: 0, total: 1, success: true });
        expect(res.body.statuses[0].name).toBe('Lunch');
        const all = (await list({}, alice)).body.statuses.map((s: { name: string }) => s.name);
        expect(all).toEqual([...all].sort());
        const page = await list({ count: '1', offset: '1' }, alice);
        expect(page.body).toMatchObject({ count: 1, offset: 1 });
        expect(page.body.statuses[0].name).toBe(all[1]);
        const byId = await list({ _id: page.body.statuses[0]._id }, alice);
        expect(byId.body.total).toBe(1);
    });

    it('delete: id required, right, unknown id; users showing it keep it', async () => {
        const created = (await create({ name: 'Gone soon', statusType: 'away' })).body.customUserStatus;
        expect((await ws.app('POST', 'users.setStatus', { status: 'away', message: 'Gone soon' }, alice)).status).toBe(200);
        expect((await remove({})).body).toEqual({ success: false, error: 'The "customUserStatusId" params is required!' });
        expect((await remove({ customUserStatusId: created._id }, alice)).body).toEqual({
            success: false,
            errorType: 'not_authorized',
            error: '[not_authorized]',
        });
        expect((await remove({ customUserStatusId: 'nope' })).body).toEqual({
            success: false,
            errorType: 'Custom_User_Status_Error_Invalid_User_Status',
            error: 'Invalid user status [Custom_User_Status_Error_Invalid_User_Status]',
        });
        const res = await remove({ customUserStatusId: created._id });
        expect([res.status, res.body]).toEqual([200, { success: true }]);
        expect((await list({ _id: created._id })).body.total).toBe(0);
        const info = await ws.request('GET', `/api/v1/users.info?userId=${alice.userId}`, undefined, ws.admin);
        expect(info.body.user.statusText).toBe('Gone soon');
    });

    it('the Apps settings page follows the records, and an edit there changes them', async () => {
        const expected = (await allNames()).join('\n');
        expect(await pollUntil(settingsText, (text) => text === expected)).toBe(expected);

        await ws.setAppSettings({ custom_statuses: `${expected}\nTravel ${suffix}: offline` });
        const names = await pollUntil(allNames, (all) => all.includes(`Travel ${suffix}: offline`));
        expect(names).toContain(`Travel ${suffix}: offline`);

        // a line that breaks a rule: refused with the reason, nothing changes
        const before = await allNames();
        await ws.setAppSettings({ custom_statuses: `${await settingsText()}\nBad: dnd\nFine ${suffix}: online` });
        const text = await settingsText();
        expect(text.split('\n')[0]).toMatch(/^# Refused, nothing was changed: line \d+ "Bad: dnd": "dnd" is not a valid presence/);
        // the refusal schedules nothing: running every pending settings sync changes nothing either
        expect(await ws.runJobsNow('custom-status-settings-sync')).toBe(0);
        expect(await allNames()).toEqual(before);
    });
});
