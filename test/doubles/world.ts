/* The one set of test doubles for the engine accessors the app uses: users, workspace and app
 * settings, an indexed persistence, the scheduler, the user updater, messages and rooms, the
 * notifier, the UI controller, HTTP, and the app itself (logger, settings writers). Any accessor
 * can be told to fail (`failOn`), to test that a failure answers cleanly and changes nothing. */
import { IHttp, IModify, IPersistence, IPersistenceRead, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApiRequest, IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import { IOnetimeSchedule, IRecurringSchedule } from '@rocket.chat/apps-engine/definition/scheduler';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

export function makeUser(id: string, fields: Partial<Omit<IUser, 'statusConnection'>> & { statusConnection?: string } = {}): IUser {
    return {
        id,
        username: id,
        emails: [],
        type: 'user',
        isEnabled: true,
        name: id,
        roles: ['user'],
        status: 'online',
        statusConnection: 'online',
        statusText: '',
        utcOffset: 0,
        createdAt: new Date(0),
        updatedAt: new Date(0),
        lastLoginAt: new Date(0),
        settings: { preferences: {} },
        ...fields,
    } as IUser;
}

/** Where a double can be told to fail. */
export type FailurePoint =
    | 'persistence.read'
    | 'persistence.write'
    | 'user.read'
    | 'user.update'
    | 'scheduler'
    | 'appSettings.read'
    | 'serverSettings.read'
    | 'serverSettings.write'
    | 'appSettings.write'
    | 'room.read'
    | 'message'
    | 'notify'
    | 'ui'
    | 'http';

interface Stored {
    id: string;
    data: object;
    keys: Set<string>;
}

const key = (a: RocketChatAssociationRecord): string => `${a.getModel()}:${a.getID()}`;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export interface HttpCall {
    method: 'GET' | 'POST';
    url: string;
    headers: Record<string, string>;
}

export type HttpAnswer = { statusCode: number; data?: unknown; headers?: Record<string, string> };

export class FakeWorld {
    public users = new Map<string, IUser>();
    public workspaceSettings: Record<string, unknown> = {
        Accounts_AllowUserStatusMessageChange: true,
        Accounts_AllowInvisibleStatusOption: true,
        Presence_broadcast_disabled: false,
        Troubleshoot_Disable_Presence_Broadcast: false,
        Site_Url: 'http://chat.example',
    };
    public appSettings: Record<string, unknown> = {
        roles_edit_other_user_status: 'admin',
        roles_manage_user_status: 'admin',
        custom_statuses: '',
        presence_service_enabled: true,
        presence_connection_cap: 200,
        presence_cap_unlimited: false,
        presence_workspace_url: '',
        presence_workspace_user_id: '',
        presence_workspace_access_token: '',
    };
    public store: Stored[] = [];
    /** persistence operations (reads and writes), to check that costs do not grow with data */
    public ops = 0;
    /** records handed back by persistence reads */
    public recordsRead = 0;
    public scheduled: IOnetimeSchedule[] = [];
    public recurring: IRecurringSchedule[] = [];
    public updates: Array<{ userId: string; statusText?: string; status?: string }> = [];
    public notifications: Array<{ userId: string; text: string }> = [];
    public messages: Array<{ room: string; sender: string; text: string }> = [];
    public rooms = new Map<string, { id: string; usernames: string[] }>();
    public modals: unknown[] = [];
    public logs: string[] = [];
    public settingWrites: Array<{ id: string; value: unknown }> = [];
    public serverSettingWrites: Array<{ id: string; value: unknown }> = [];
    public httpCalls: HttpCall[] = [];
    /** answers the app's HTTP calls; by default Rocket.Chat's presence.getConnections and enableBroadcast */
    public httpHandler: (call: HttpCall) => HttpAnswer = (call) =>
        call.url.endsWith('presence.getConnections')
            ? { statusCode: 200, data: { current: 0, max: 200, success: true } }
            : { statusCode: 200, data: { success: true } };
    public bot = makeUser('bot', { username: 'user-status.bot', roles: ['bot'] });
    /** what changing `Troubleshoot_Disable_Presence_Broadcast` does on the server (Rocket.Chat turns broadcast back on below its cap) */
    public onServerSettingWrite: (id: string, value: unknown) => void = (id, value) => {
        if (id === 'Troubleshoot_Disable_Presence_Broadcast' && value === false && this.serverCount <= 200) {
            this.workspaceSettings.Presence_broadcast_disabled = false;
        }
    };
    /** the server's own connection count, for the default server behaviour above */
    public serverCount = 0;
    /** how long the engine takes to store an app setting write (0: at once) */
    public appSettingWriteDelayMs: (id: string, value: unknown) => number = () => 0;
    /** called when an app setting write is stored (the engine then runs `onSettingUpdated`) */
    public onAppSettingStored: (id: string, value: unknown, previous: unknown) => void = () => undefined;
    /** up to this many ms of random delay on every persistence operation, so concurrent writers interleave */
    public jitterMs = 0;
    private failures = new Map<FailurePoint, { times: number; when?: (detail: string[]) => boolean }>();
    /** every call of an accessor the app made (reads included), in order: `<point> <detail>` */
    public calls: string[] = [];
    /** the call (1-based, counted in `calls`) that throws, for the failure-injection harness */
    public failAtCall = 0;
    private nextId = 1;

    private async jitter(): Promise<void> {
        if (this.jitterMs > 0) {
            await new Promise((resolve) => setTimeout(resolve, Math.random() * this.jitterMs));
        }
    }

    /**
     * The next `times` calls at this point throw; with `when`, only the calls it picks (it gets the
     * association keys of a persistence call, the setting id of a settings call).
     */
    public failOn(point: FailurePoint, times = 1, when?: (detail: string[]) => boolean): void {
        this.failures.set(point, { times, when });
    }

    private check(point: FailurePoint, detail: string[] = []): void {
        this.calls.push(`${point} ${detail.join(' ')}`.trim());
        if (this.calls.length === this.failAtCall) {
            throw new Error(`injected failure: call ${this.failAtCall} (${point})`);
        }
        const failure = this.failures.get(point);
        if (failure && failure.times > 0 && (!failure.when || failure.when(detail))) {
            failure.times--;
            throw new Error(`injected failure: ${point}`);
        }
    }

    public get serverSettings(): Record<string, unknown> {
        return this.workspaceSettings;
    }

    public addUser(user: IUser | string, roles?: string[]): IUser {
        const added = typeof user === 'string' ? makeUser(user, { roles: roles ?? ['user'] }) : user;
        this.users.set(added.id, added);
        return added;
    }

    /** the data of the stored records that carry all these association keys (`misc:status-expiry`, ...) */
    public recordsWith(...keys: string[]): object[] {
        return this.store.filter((s) => keys.every((k) => s.keys.has(k))).map((s) => s.data);
    }

    /** Stores a record as the app would, with these association keys (`misc:presence-state`, `user:u1`, ...). */
    public putRecord(keys: string[], data: object): void {
        this.store = this.store.filter((s) => !(s.keys.size === keys.length && keys.every((k) => s.keys.has(k))));
        this.store.push({ id: `p${this.nextId++}`, data: clone(data), keys: new Set(keys) });
    }

    /** Stores the presence service's state, as the app keeps it. */
    public putPresenceState(state: object): void {
        this.putRecord(['misc:presence-state'], state);
    }

    public expiryRecords(): object[] {
        return this.recordsWith('misc:status-expiry');
    }

    private matching(assocs: RocketChatAssociationRecord[]): Stored[] {
        const keys = assocs.map(key);
        return this.store.filter((s) => keys.every((k) => s.keys.has(k)));
    }

    public persistenceReader(): IPersistenceRead {
        const read = async (assocs: RocketChatAssociationRecord[]) => {
            this.ops++;
            this.check('persistence.read', assocs.map(key));
            await this.jitter();
            const found = this.matching(assocs);
            this.recordsRead += found.length;
            return found.map((s) => clone(s.data));
        };
        return {
            read: async (id: string) => (this.check('persistence.read', [id]), clone(this.store.find((s) => s.id === id)?.data as object)),
            readByAssociation: (a: RocketChatAssociationRecord) => read([a]),
            readByAssociations: (as: RocketChatAssociationRecord[]) => read(as),
        };
    }

    public persistence(): IPersistence {
        const write = async (assocs: RocketChatAssociationRecord[]) => {
            this.ops++;
            this.check('persistence.write', assocs.map(key));
            await this.jitter();
        };
        const create = async (data: object, assocs: RocketChatAssociationRecord[]): Promise<string> => {
            await write(assocs);
            const id = `p${this.nextId++}`;
            this.store.push({ id, data: clone(data), keys: new Set(assocs.map(key)) });
            return id;
        };
        const updateBy = async (assocs: RocketChatAssociationRecord[], data: object, upsert?: boolean): Promise<string> => {
            const found = this.matching(assocs);
            if (found.length === 0) {
                if (!upsert) throw new Error('no record');
                return create(data, assocs);
            }
            await write(assocs);
            found.forEach((s) => (s.data = clone(data)));
            return found[0].id;
        };
        const removeBy = async (assocs: RocketChatAssociationRecord[]): Promise<object[]> => {
            await write(assocs);
            const found = this.matching(assocs);
            this.store = this.store.filter((s) => !found.includes(s));
            return found.map((s) => s.data);
        };
        return {
            create: (data) => create(data, []),
            createWithAssociation: (data, a) => create(data, [a]),
            createWithAssociations: (data, as) => create(data, as),
            update: async () => {
                throw new Error('not used');
            },
            updateByAssociation: (a, data, upsert) => updateBy([a], data, upsert),
            updateByAssociations: updateBy,
            remove: async () => {
                throw new Error('not used');
            },
            removeByAssociation: (a) => removeBy([a]),
            removeByAssociations: removeBy,
        };
    }

    private serverSetting(id: string) {
        return id in this.workspaceSettings
            ? { id, value: this.workspaceSettings[id], type: 'boolean', packageValue: false, required: false, public: true, i18nLabel: id }
            : undefined;
    }

    public read(): IRead {
        return {
            getEnvironmentReader: () => ({
                getServerSettings: () => ({
                    getValueById: async (id: string) => (this.check('serverSettings.read', [id]), this.workspaceSettings[id]),
                    getOneById: async (id: string) => (this.check('serverSettings.read', [id]), this.serverSetting(id)),
                }),
                getSettings: () => ({
                    getValueById: async (id: string) => (this.check('appSettings.read', [id]), this.appSettings[id]),
                    getById: async (id: string) => (this.check('appSettings.read', [id]), { id, value: this.appSettings[id] }),
                }),
            }),
            getPersistenceReader: () => this.persistenceReader(),
            getUserReader: () => ({
                getById: async (id: string) => (this.check('user.read'), this.users.get(id) as IUser),
                getByUsername: async (username: string) => (this.check('user.read'), [...this.users.values()].find((u) => u.username === username) as IUser),
                getAppUser: async () => (this.check('user.read', ['app']), this.bot),
            }),
            getRoomReader: () => ({
                getDirectByUsernames: async (names: string[]) => (
                    this.check('room.read', names),
                    [...this.rooms.values()].find((r) => names.every((n) => r.usernames.includes(n)))
                ),
                getById: async (id: string) => (this.check('room.read', [id]), this.rooms.get(id)),
            }),
        } as unknown as IRead;
    }

    public modify(): IModify {
        const apply = (user: IUser, fields: { statusText?: string; status?: string }): boolean => {
            this.check('user.update');
            this.updates.push({ userId: user.id, ...fields });
            const stored = this.users.get(user.id);
            if (stored) {
                this.users.set(user.id, { ...stored, ...fields } as IUser);
            }
            return true;
        };
        return {
            getUpdater: () => ({
                getUserUpdater: () => ({
                    updateStatus: async (user: IUser, statusText: string, status: string) => apply(user, { statusText, status }),
                    updateStatusText: async (user: IUser, statusText: string) => apply(user, { statusText }),
                }),
            }),
            getScheduler: () => ({
                scheduleOnce: async (job: IOnetimeSchedule) => {
                    this.check('scheduler');
                    this.scheduled.push(job);
                    return `job${this.scheduled.length}`;
                },
                scheduleRecurring: async (job: IRecurringSchedule) => {
                    this.check('scheduler');
                    this.recurring.push(job);
                    return `recurring${this.recurring.length}`;
                },
                cancelJob: async () => {
                    throw new Error('cancelJob cancels every job of a processor: the app must not use it');
                },
            }),
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
                    const m = { room: '', sender: '', text: '', groupable: true };
                    const b = {
                        setSender: (u: IUser) => ((m.sender = u.username), b),
                        setRoom: (r: { id: string } | undefined) => ((m.room = r?.id ?? ''), b),
                        setText: (t: string) => ((m.text = t), b),
                        setGroupable: (g: boolean) => ((m.groupable = g), b),
                        getMessage: () => ({ text: m.text }),
                        kind: 'message',
                        m,
                    };
                    return b;
                },
                finish: async (b: { kind: string; room?: { usernames: string[] }; m?: { room: string; sender: string; text: string } }) => {
                    this.check('message');
                    if (b.kind === 'room') {
                        const id = `room${this.rooms.size + 1}`;
                        this.rooms.set(id, { id, usernames: b.room!.usernames });
                        return id;
                    }
                    this.messages.push({ room: b.m!.room, sender: b.m!.sender, text: b.m!.text });
                    return 'msg';
                },
            }),
            getNotifier: () => ({
                notifyUser: async (user: IUser, message: { text?: string }) => {
                    this.check('notify', [user.id]);
                    this.notifications.push({ userId: user.id, text: message.text ?? '' });
                },
            }),
            getUiController: () => ({
                openModalView: async (view: unknown) => {
                    this.check('ui');
                    this.modals.push(view);
                },
            }),
        } as unknown as IModify;
    }

    public http(): IHttp {
        const call = async (method: 'GET' | 'POST', url: string, options: { headers?: Record<string, string> } = {}) => {
            this.check('http');
            const entry = { method, url, headers: options.headers ?? {} };
            this.httpCalls.push(entry);
            return this.httpHandler(entry);
        };
        return {
            get: (url: string, options?: { headers?: Record<string, string> }) => call('GET', url, options),
            post: (url: string, options?: { headers?: Record<string, string> }) => call('POST', url, options),
        } as unknown as IHttp;
    }

    public access() {
        return { read: this.read(), modify: this.modify(), persis: this.persistence(), http: this.http() };
    }

    /** The accessors with the app, as a change takes them. */
    public env(now?: () => number) {
        return { app: this.app(), ...this.access(), ...(now ? { now } : {}) };
    }

    private appDouble?: IApp;
    private static worlds = 0;

    /** The app itself (one object per world, as the engine hands the same app to every call). */
    public app(): IApp {
        this.appDouble ??= this.makeApp();
        return this.appDouble;
    }

    private makeApp(): IApp {
        // an id of its own: what the app keeps per app id in its process (a cached reading) is this world's only
        const id = `app-id-${FakeWorld.worlds++}`;
        return {
            getID: () => id,
            getLogger: () => ({
                warn: (...m: unknown[]) => this.logs.push(m.map(String).join(' ')),
                error: (...m: unknown[]) => this.logs.push(m.map(String).join(' ')),
                debug: () => undefined,
                info: () => undefined,
            }),
            getAccessors: () => ({
                environmentWriter: {
                    getSettings: () => ({
                        updateValue: async (id: string, value: unknown) => {
                            this.check('appSettings.write', [id]);
                            this.settingWrites.push({ id, value });
                            // as the engine: stored later (after the app's pre-update hook), then the hook of the change
                            const land = () => {
                                const previous = this.appSettings[id];
                                this.appSettings[id] = value;
                                this.onAppSettingStored(id, value, previous);
                            };
                            const delay = this.appSettingWriteDelayMs(id, value);
                            if (delay > 0) {
                                setTimeout(land, delay);
                            } else {
                                land();
                            }
                        },
                    }),
                    getServerSettings: () => ({
                        updateOne: async (s: { id: string; value: unknown }) => {
                            this.check('serverSettings.write', [s.id]);
                            this.serverSettingWrites.push({ id: s.id, value: s.value });
                            this.workspaceSettings[s.id] = s.value;
                            this.onServerSettingWrite(s.id, s.value);
                        },
                    }),
                },
            }),
        } as unknown as IApp;
    }
}

/** An API request as the engine hands it to an endpoint. */
export function apiRequest(user: IUser | undefined, content: unknown = {}, query: Record<string, unknown> = {}): IApiRequest {
    return { headers: {}, query, params: {}, privateHash: '', content, user } as unknown as IApiRequest;
}

export const body = (response: IApiResponse) => response.content as Record<string, unknown>;
