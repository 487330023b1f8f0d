import { IApiEndpoint, IApiRequest, IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import {
    customUserStatusCreateEndpoint,
    customUserStatusDeleteEndpoint,
    customUserStatusListEndpoint,
    customUserStatusUpdateEndpoint,
} from '../../../src/endpoints/customUserStatus';
import { CustomStatusRepository } from '../../../src/storage/CustomStatusRepository';
import { RecordStore } from '../../../src/storage/records';
import { apiRequest as request, body, FakeWorld, makeUser } from '../../doubles/world';

function setup() {
    const world = new FakeWorld();
    const admin = world.addUser(makeUser('admin1', { username: 'boss', roles: ['admin', 'user'] }));
    const user = world.addUser(makeUser('user1', { username: 'alice', roles: ['user'] }));
    const app = world.app();
    const run =
        (endpoint: IApiEndpoint, method: 'get' | 'post') =>
        (req: IApiRequest): Promise<IApiResponse> => {
            const { read, modify, http, persis } = world.access();
            return endpoint[method]!(req, {} as never, read, modify, http, persis);
        };
    const call = {
        list: run(customUserStatusListEndpoint(app), 'get'),
        create: run(customUserStatusCreateEndpoint(app), 'post'),
        update: run(customUserStatusUpdateEndpoint(app), 'post'),
        remove: run(customUserStatusDeleteEndpoint(app), 'post'),
    };
    const stored = () => new CustomStatusRepository(new RecordStore(world.persistenceReader())).all();
    const settingWrites = () => world.settingWrites.filter((w) => w.id === 'custom_statuses').map((w) => w.value);
    return { world, admin, user, call, stored, settingWrites };
}

const NOT_LOGGED_IN = { success: false, status: 'error', message: 'You must be logged in to do this.', error: 'You must be logged in to do this.' };

describe('custom-user-status endpoints', () => {
    test('every endpoint answers a missing login with 401 in the JSON envelope', async () => {
        const { call } = setup();
        for (const endpoint of [call.list, call.create, call.update, call.remove]) {
            const response = await endpoint(request(undefined, { name: 'x' }));
            expect(response.status).toBe(401);
            expect(body(response)).toEqual(NOT_LOGGED_IN);
        }
    });

    test('create answers {customUserStatus, success} and stores it; the settings page follows', async () => {
        const { call, admin, stored, settingWrites } = setup();
        const response = await call.create(request(admin, { name: 'Lunch', statusType: 'away' }));
        expect(response.status).toBe(200);
        const created = body(response).customUserStatus as Record<string, unknown>;
        expect(body(response).success).toBe(true);
        expect(Object.keys(created).sort()).toEqual(['_id', '_updatedAt', 'name', 'statusType']);
        expect(created).toMatchObject({ name: 'Lunch', statusType: 'away' });
        expect(typeof created._id).toBe('string');
        expect(new Date(created._updatedAt as string).toISOString()).toBe(created._updatedAt);
        expect((await stored()).map((s) => s.name)).toEqual(['Lunch']);
        expect(settingWrites()).toEqual(['Lunch: away']);
    });

    test('create without statusType stores and answers null, as Rocket.Chat', async () => {
        const { call, admin, stored } = setup();
        for (const content of [{ name: 'Note' }, { name: 'Memo', statusType: '' }]) {
            const response = await call.create(request(admin, content));
            expect((body(response).customUserStatus as Record<string, unknown>).statusType).toBeNull();
        }
        expect((await stored()).map((s) => s.statusType)).toEqual([null, null]);
    });

    test.each([
        ['shape is checked before the right', 'user', { name: 1 }, 400, { success: false, error: 'Match error: Expected string, got number in field name' }],
        ['unknown key', 'admin', { name: 'x', emoji: 'y' }, 400, { success: false, error: 'Match error: Unknown key in field emoji' }],
        ['missing name', 'admin', {}, 400, { success: false, error: "Match error: Missing key 'name'" }],
        ['no right', 'user', { name: '' }, 400, { success: false, errorType: 'not_authorized', error: '[not_authorized]' }],
        [
            'empty name',
            'admin',
            { name: ' ' },
            400,
            { success: false, errorType: 'error-the-field-is-required', error: 'The field Name is required [error-the-field-is-required]' },
        ],
        [
            'bad name',
            'admin',
            { name: '<b>' },
            400,
            { success: false, errorType: 'error-input-is-not-a-valid-field', error: '<b> is not a valid name [error-input-is-not-a-valid-field]' },
        ],
        [
            'a line break in the name (it would break the settings page copy)',
            'admin',
            { name: 'Two\nlines' },
            400,
            { success: false, errorType: 'error-input-is-not-a-valid-field', error: 'Two\nlines is not a valid name [error-input-is-not-a-valid-field]' },
        ],
        [
            'a name starting with # (a comment on the settings page)',
            'admin',
            { name: ' #hash' },
            400,
            { success: false, errorType: 'error-input-is-not-a-valid-field', error: ' #hash is not a valid name [error-input-is-not-a-valid-field]' },
        ],
        [
            'bad type',
            'admin',
            { name: 'Ok', statusType: 'dnd' },
            400,
            { success: false, errorType: 'error-input-is-not-a-valid-field', error: 'dnd is not a valid status type [error-input-is-not-a-valid-field]' },
        ],
    ])('create refuses: %s', async (_label, who, content, status, expected) => {
        const { call, admin, user, stored } = setup();
        const response = await call.create(request(who === 'admin' ? admin : user, content));
        expect(response.status).toBe(status);
        expect(body(response)).toEqual(expected);
        expect(await stored()).toEqual([]);
    });

    test('create refuses a name in use (exact match only)', async () => {
        const { call, admin, stored } = setup();
        await call.create(request(admin, { name: 'Lunch', statusType: 'away' }));
        const response = await call.create(request(admin, { name: 'Lunch', statusType: 'busy' }));
        expect(response.status).toBe(400);
        expect(body(response)).toEqual({
            success: false,
            errorType: 'Custom_User_Status_Error_Name_Already_In_Use',
            error: 'The custom user status name is already in use [Custom_User_Status_Error_Name_Already_In_Use]',
        });
        expect((await call.create(request(admin, { name: 'lunch' }))).status).toBe(200);
        expect(await stored()).toHaveLength(2);
    });

    test('the right comes from roles_manage_user_status', async () => {
        const { call, user, world } = setup();
        world.appSettings.roles_manage_user_status = 'user, moderator';
        expect((await call.create(request(user, { name: 'Lunch' }))).status).toBe(200);
        world.appSettings.roles_manage_user_status = '';
        expect(body(await call.create(request(user, { name: 'Other' }))).errorType).toBe('not_authorized');
    });

    test('twenty simultaneous creates of one name give exactly one record', async () => {
        const { call, admin, stored, world } = setup();
        world.jitterMs = 3;
        const responses = await Promise.all(Array.from({ length: 20 }, () => call.create(request(admin, { name: 'Race', statusType: 'busy' }))));
        expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
        expect(responses.filter((r) => body(r).errorType === 'Custom_User_Status_Error_Name_Already_In_Use')).toHaveLength(19);
        expect((await stored()).filter((s) => s.name === 'Race')).toHaveLength(1);
    });

    test('update: the id must exist first, then the rules; the record itself does not count as a clash', async () => {
        const { call, admin, user, stored } = setup();
        const a = body(await call.create(request(admin, { name: 'Lunch', statusType: 'away' }))).customUserStatus as { _id: string; _updatedAt: string };
        await call.create(request(admin, { name: 'Meeting', statusType: 'busy' }));

        let response = await call.update(request(user, { _id: 'nope', name: '' }));
        expect(body(response)).toEqual({ success: false, error: 'No custom user status found with the id of "nope".' });
        response = await call.update(request(user, { _id: a._id, name: 'x' }));
        expect(body(response)).toEqual({ success: false, errorType: 'not_authorized', error: '[not_authorized]' });
        response = await call.update(request(admin, { name: 'x' }));
        expect(body(response)).toEqual({ success: false, error: "Match error: Missing key '_id'" });
        response = await call.update(request(admin, { _id: a._id, name: 'Meeting' }));
        expect(body(response).errorType).toBe('Custom_User_Status_Error_Name_Already_In_Use');

        response = await call.update(request(admin, { _id: a._id, name: 'Lunch' }));
        expect(response.status).toBe(200);
        expect(body(response).customUserStatus).toMatchObject({ _id: a._id, name: 'Lunch', statusType: 'away' });

        response = await call.update(request(admin, { _id: a._id, name: 'Lunch break', statusType: 'offline' }));
        expect(body(response).customUserStatus).toMatchObject({ _id: a._id, name: 'Lunch break', statusType: 'offline' });
        expect((await stored()).map((s) => `${s.name}:${s.statusType}`).sort()).toEqual(['Lunch break:offline', 'Meeting:busy']);
        expect((await call.create(request(admin, { name: 'Lunch' }))).status).toBe(200);
    });

    test('delete: id required, then right, then existence; users showing it keep it', async () => {
        const { call, admin, user, world, stored } = setup();
        const created = body(await call.create(request(admin, { name: 'Lunch', statusType: 'away' }))).customUserStatus as { _id: string };
        world.users.set(user.id, { ...user, status: 'away', statusText: 'Lunch' } as typeof user);

        expect(body(await call.remove(request(admin, {})))).toEqual({ success: false, error: 'The "customUserStatusId" params is required!' });
        expect(body(await call.remove(request(user, { customUserStatusId: 'nope' })))).toEqual({
            success: false,
            errorType: 'not_authorized',
            error: '[not_authorized]',
        });
        expect(body(await call.remove(request(admin, { customUserStatusId: 'nope' })))).toEqual({
            success: false,
            errorType: 'Custom_User_Status_Error_Invalid_User_Status',
            error: 'Invalid user status [Custom_User_Status_Error_Invalid_User_Status]',
        });
        const response = await call.remove(request(admin, { customUserStatusId: created._id }));
        expect(response.status).toBe(200);
        expect(body(response)).toEqual({ success: true });
        expect(await stored()).toEqual([]);
        expect(world.users.get(user.id)).toMatchObject({ status: 'away', statusText: 'Lunch' });
        expect(world.updates).toEqual([]);
    });

    test('list: any logged-in user, filters and paging', async () => {
        const { call, admin, user } = setup();
        for (const [name, statusType] of [
            ['Lunch', 'away'],
            ['Deep work', 'busy'],
            ['lunch break', 'online'],
        ]) {
            await call.create(request(admin, { name, statusType }));
        }
        let response = await call.list(request(user, {}, {}));
        expect(response.status).toBe(200);
        expect(Object.keys(body(response)).sort()).toEqual(['count', 'offset', 'statuses', 'success', 'total']);
        expect(body(response)).toMatchObject({ count: 3, offset: 0, total: 3, success: true });
        expect((body(response).statuses as Array<{ name: string }>).map((s) => s.name)).toEqual(['Deep work', 'Lunch', 'lunch break']);
        response = await call.list(request(user, {}, { name: 'lunch', count: '1', offset: '1' }));
        expect(body(response)).toMatchObject({ count: 1, offset: 1, total: 2, success: true });
        expect((body(response).statuses as Array<{ name: string }>).map((s) => s.name)).toEqual(['lunch break']);
        response = await call.list(request(user, {}, { bogus: '1' }));
        expect(response.status).toBe(400);
        expect(body(response)).toEqual({ success: false, errorType: 'error-invalid-params', error: 'must NOT have additional properties' });
    });
});

describe('custom-user-status endpoints when something fails', () => {
    test('a failing store answers 400 error-app-failure and leaves no record behind', async () => {
        const { call, admin, stored, world } = setup();
        world.failOn('persistence.write', 1, (keys) => keys.includes('misc:custom-user-status'));
        const response = await call.create(request(admin, { name: 'Lunch', statusType: 'away' }));
        expect(response.status).toBe(400);
        expect(body(response)).toEqual({
            success: false,
            errorType: 'error-app-failure',
            error: 'The request could not be completed and nothing was changed; please try again [error-app-failure]',
        });
        expect(await stored()).toEqual([]);
    });
});
