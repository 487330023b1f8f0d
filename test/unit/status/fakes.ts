import { IModify, IPersistence, IPersistenceRead, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import { IOnetimeSchedule, IRecurringSchedule } from '@rocket.chat/apps-engine/definition/scheduler';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

/** Test doubles for the engine accessors the status code uses: users, settings, persistence, scheduler, updater, notifier. */
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
        ...fields,
    } as IUser;
}

interface Stored {
    id: string;
    data: object;
    keys: string[];
}

const key = (a: RocketChatAssociationRecord): string => `${a.getModel()}:${a.getID()}`;

export class FakeWorld {
    public users = new Map<string, IUser>();
    public workspaceSettings: Record<string, unknown> = { Accounts_AllowUserStatusMessageChange: true, Accounts_AllowInvisibleStatusOption: true };
    public appSettings: Record<string, unknown> = { roles_edit_other_user_status: 'admin', presence_service_enabled: true };
    public store: Stored[] = [];
    public scheduled: IOnetimeSchedule[] = [];
    public recurring: IRecurringSchedule[] = [];
    public updates: Array<{ userId: string; statusText?: string; status?: string }> = [];
    public notifications: Array<{ userId: string; text: string }> = [];
    private nextId = 1;

    /** the stored status-expiry records */
    public expiryRecords(): object[] {
        return this.store.filter((s) => s.keys.includes('misc:status-expiry')).map((s) => s.data);
    }

    public addUser(user: IUser): IUser {
        this.users.set(user.id, user);
        return user;
    }

    public persistenceReader(): IPersistenceRead {
        const matching = (assocs: RocketChatAssociationRecord[]): Stored[] => this.store.filter((s) => assocs.every((a) => s.keys.includes(key(a))));
        return {
            read: async (id: string) => this.store.find((s) => s.id === id)?.data as object,
            readByAssociation: async (a: RocketChatAssociationRecord) => matching([a]).map((s) => s.data),
            readByAssociations: async (as: RocketChatAssociationRecord[]) => matching(as).map((s) => s.data),
        };
    }

    public persistence(): IPersistence {
        const matching = (assocs: RocketChatAssociationRecord[]): Stored[] => this.store.filter((s) => assocs.every((a) => s.keys.includes(key(a))));
        const create = async (data: object, assocs: RocketChatAssociationRecord[]): Promise<string> => {
            const id = `p${this.nextId++}`;
            this.store.push({ id, data: JSON.parse(JSON.stringify(data)), keys: assocs.map(key) });
            return id;
        };
        const updateBy = async (assocs: RocketChatAssociationRecord[], data: object, upsert?: boolean): Promise<string> => {
            const found = matching(assocs);
            if (found.length === 0) {
                if (!upsert) throw new Error('no record');
                return create(data, assocs);
            }
            found.forEach((s) => (s.data = JSON.parse(JSON.stringify(data))));
            return found[0].id;
        };
        const removeBy = async (assocs: RocketChatAssociationRecord[]): Promise<object[]> => {
            const found = matching(assocs);
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

    public read(): IRead {
        // eslint-disable-next-line @typescript-eslint/no-this-alias
        const world = this;
        return {
            getEnvironmentReader: () => ({
                getServerSettings: () => ({ getValueById: async (id: string) => world.workspaceSettings[id] }),
                getSettings: () => ({ getValueById: async (id: string) => world.appSettings[id] }),
            }),
            getPersistenceReader: () => world.persistenceReader(),
            getUserReader: () => ({
                getById: async (id: string) => world.users.get(id) as IUser,
                getByUsername: async (username: string) => [...world.users.values()].find((u) => u.username === username) as IUser,
                getAppUser: async () => makeUser('app-bot', { username: 'user-status.bot' }),
            }),
        } as unknown as IRead;
    }

    public modify(): IModify {
        // eslint-disable-next-line @typescript-eslint/no-this-alias
        const world = this;
        const apply = (user: IUser, fields: { statusText?: string; status?: string }): boolean => {
            world.updates.push({ userId: user.id, ...fields });
            const stored = world.users.get(user.id);
            if (stored) {
                world.users.set(user.id, { ...stored, ...fields } as IUser);
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
                    world.scheduled.push(job);
                    return `job${world.scheduled.length}`;
                },
                scheduleRecurring: async (job: IRecurringSchedule) => {
                    world.recurring.push(job);
                    return `recurring${world.recurring.length}`;
                },
                cancelJob: async () => {
                    throw new Error('cancelJob cancels every job of a processor: the app must not use it');
                },
            }),
            getCreator: () => ({
                startMessage: () => {
                    const msg: { text?: string; room?: unknown; sender?: unknown } = {};
                    const builder = {
                        setRoom: (room: unknown) => ((msg.room = room), builder),
                        setSender: (sender: unknown) => ((msg.sender = sender), builder),
                        setText: (text: string) => ((msg.text = text), builder),
                        setGroupable: () => builder,
                        getMessage: () => msg,
                    };
                    return builder;
                },
            }),
            getNotifier: () => ({
                notifyUser: async (user: IUser, message: { text?: string }) => {
                    world.notifications.push({ userId: user.id, text: message.text ?? '' });
                },
            }),
        } as unknown as IModify;
    }
}
