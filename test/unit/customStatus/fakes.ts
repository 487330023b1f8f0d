import { IApiRequest, IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { FakeWorld, makeUser } from '../status/fakes';

export { FakeWorld, makeUser };

/** A world with an admin and a plain user, the manage right given to `admin`, and a settings page that records writes. */
export function customStatusWorld() {
    const world = new FakeWorld();
    world.appSettings.roles_manage_user_status = 'admin';
    world.appSettings.custom_statuses = '';
    const admin = world.addUser(makeUser('admin1', { username: 'boss', roles: ['admin', 'user'] }));
    const user = world.addUser(makeUser('user1', { username: 'alice', roles: ['user'] }));
    const settingWrites: string[] = [];
    const app = {
        getAccessors: () => ({
            environmentWriter: {
                getSettings: () => ({
                    updateValue: async (id: string, value: unknown) => {
                        settingWrites.push(String(value));
                        world.appSettings[id] = value;
                    },
                }),
            },
        }),
        getLogger: () => ({ error: () => undefined, warn: () => undefined, debug: () => undefined, info: () => undefined }),
    } as unknown as IApp;
    return { world, admin, user, app, settingWrites };
}

export function request(user: IUser | undefined, content: unknown = {}, query: Record<string, unknown> = {}): IApiRequest {
    return { headers: {}, query, params: {}, privateHash: '', content, user } as unknown as IApiRequest;
}

export const body = (response: IApiResponse) => response.content as Record<string, unknown>;
