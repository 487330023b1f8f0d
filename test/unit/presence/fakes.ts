/* Test doubles for the engine accessors the presence flows use: an in-memory persistence that
 * counts its operations, app and workspace settings, users, rooms and messages. */
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { PresenceAccess, PresenceApp } from '../../../src/services/PresenceService';
import { AppSetting } from '../../../src/settings/AppSetting';

type Assoc = RocketChatAssociationRecord;
type StoredRecord = { keys: Set<string>; data: object };
const key = (a: Assoc) => `${a.getModel()}:${a.getID()}`;

export class FakeWorld {
    public records: Array<StoredRecord> = [];
    public ops = 0;
    public appSettings: Record<string, unknown> = {
        [AppSetting.PresenceServiceEnabled]: true,
        [AppSetting.PresenceConnectionCap]: 200,
        [AppSetting.PresenceCapUnlimited]: false,
        [AppSetting.RolesManageUserStatus]: 'admin',
        [AppSetting.WorkspaceUrl]: '',
        [AppSetting.WorkspaceAccessUserId]: '',
        [AppSetting.WorkspaceAccessToken]: '',
    };
    public serverSettings: Record<string, unknown> = { Presence_broadcast_disabled: false, Troubleshoot_Disable_Presence_Broadcast: false };
    public users = new Map<string, IUser>();
    public messages: Array<{ room: string; sender: string; text: string }> = [];
    public rooms = new Map<string, { id: string; usernames: string[] }>();
    public logs: string[] = [];
    public httpCalls: Array<{ url: string; headers: Record<string, string> }> = [];
    public httpAnswer: { statusCode: number; data?: unknown } = { statusCode: 200, data: { current: 0, max: 200, success: true } };
    public bot = { id: 'bot', username: 'user-status.bot', roles: ['bot'] } as unknown as IUser;

    private index = new Map<string, Set<StoredRecord>>();

    private match(assocs: Assoc[]): StoredRecord[] {
        const sets = assocs.map((a) => this.index.get(key(a)) ?? new Set<StoredRecord>());
        const smallest = sets.reduce((a, b) => (b.size < a.size ? b : a));
        return [...smallest].filter((r) => sets.every((set) => set.has(r)));
    }

    private insert(record: { keys: Set<string>; data: object }) {
        this.records.push(record);
        for (const k of record.keys) {
            if (!this.index.has(k)) this.index.set(k, new Set());
            this.index.get(k)!.add(record);
        }
    }

    public persistenceReader() {
        return {
            read: async () => undefined,
            readByAssociation: async (a: Assoc) => (this.ops++, this.match([a]).map((r) => r.data)),
            readByAssociations: async (a: Assoc[]) => (this.ops++, this.match(a).map((r) => r.data)),
        };
    }

    public persistence() {
        const update = async (a: Assoc[], data: object) => {
            this.ops++;
            const found = this.match(a);
            if (found.length) {
                found[0].data = data;
            } else {
                this.insert({ keys: new Set(a.map(key)), data });
            }
            return 'id';
        };
        const remove = async (a: Assoc[]) => {
            this.ops++;
            const found = this.match(a);
            this.records = this.records.filter((r) => !found.includes(r));
            for (const r of found) for (const k of r.keys) this.index.get(k)!.delete(r);
            return found.map((r) => r.data);
        };
        return {
            updateByAssociations: update,
            updateByAssociation: (a: Assoc, data: object) => update([a], data),
            removeByAssociations: remove,
            removeByAssociation: (a: Assoc) => remove([a]),
        };
    }

    public read() {
        return {
            getPersistenceReader: () => this.persistenceReader(),
            getEnvironmentReader: () => ({
                getSettings: () => ({
                    getValueById: async (id: string) => this.appSettings[id],
                    getById: async (id: string) => ({ id, value: this.appSettings[id] }),
                }),
                getServerSettings: () => ({
                    getOneById: async (id: string) =>
                        id in this.serverSettings
                            ? { id, value: this.serverSettings[id], type: 'boolean', packageValue: false, required: false, public: true, i18nLabel: id }
                            : undefined,
                    getValueById: async (id: string) => this.serverSettings[id],
                }),
            }),
            getUserReader: () => ({
                getAppUser: async () => this.bot,
                getById: async (id: string) => this.users.get(id),
                getByUsername: async (u: string) => [...this.users.values()].find((x) => x.username === u),
            }),
            getRoomReader: () => ({
                getDirectByUsernames: async (names: string[]) => [...this.rooms.values()].find((r) => names.every((n) => r.usernames.includes(n))),
                getById: async (id: string) => this.rooms.get(id),
            }),
        };
    }

    public modify() {
        const rooms = this.rooms;
        const messages = this.messages;
        return {
            getCreator: () => ({
                startRoom: () => {
                    const room = { usernames: [] as string[] };
                    const b = {
                        setType: () => b,
                        setCreator: () => b,
                        setMembersToBeAddedByUsernames: (u: string[]) => ((room.usernames = u), b),
                        kind: 'room',
                        room,
                    };
                    return b;
                },
                startMessage: () => {
                    const m = { room: '', sender: '', text: '' };
                    const b = {
                        setSender: (u: IUser) => ((m.sender = u.username), b),
                        setRoom: (r: { id: string }) => ((m.room = r.id), b),
                        setText: (t: string) => ((m.text = t), b),
                        kind: 'message',
                        m,
                    };
                    return b;
                },
                finish: async (b: { kind: string; room?: { usernames: string[] }; m?: { room: string; sender: string; text: string } }) => {
                    if (b.kind === 'room') {
                        const id = `room${rooms.size + 1}`;
                        rooms.set(id, { id, usernames: b.room!.usernames });
                        return id;
                    }
                    messages.push(b.m!);
                    return 'msg';
                },
            }),
        };
    }

    public http() {
        return {
            get: async (url: string, options: { headers: Record<string, string> }) => {
                this.httpCalls.push({ url, headers: options.headers });
                return this.httpAnswer;
            },
        };
    }

    public access(): PresenceAccess {
        return { read: this.read(), modify: this.modify(), persis: this.persistence(), http: this.http() } as unknown as PresenceAccess;
    }

    public app(): PresenceApp {
        const { logs, appSettings, serverSettings } = this;
        return {
            getID: () => 'app-id',
            getLogger: () => ({ warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m), debug: () => undefined }) as never,
            getAccessors: () =>
                ({
                    environmentWriter: {
                        getSettings: () => ({ updateValue: async (id: string, value: unknown) => void (appSettings[id] = value) }),
                        getServerSettings: () => ({ updateOne: async (s: { id: string; value: unknown }) => void (serverSettings[s.id] = s.value) }),
                    },
                }) as never,
        };
    }

    public addUser(id: string, roles: string[] = ['user']): IUser {
        const user = { id, username: id, roles, settings: {} } as unknown as IUser;
        this.users.set(id, user);
        return user;
    }
}
