/**
 * The workspace's persistence bridge over a real store (nedb files in a temp folder): lookups by
 * association match records carrying ALL the given associations, through the `associations` index.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import { Store } from '../../../workspace/store/Store';
import { WorkspacePersistenceBridge } from '../../../workspace/bridges/PersistenceBridge';
import type { HostContext } from '../../../workspace/engine/HostContext';

/** The bridge's own operations (the engine calls them through permission-checking `do*` wrappers). */
interface BridgeOps {
    create(data: object, appId: string): Promise<string>;
    createWithAssociations(data: object, associations: RocketChatAssociationRecord[], appId: string): Promise<string>;
    readById(id: string, appId: string): Promise<object | undefined>;
    readByAssociations(associations: RocketChatAssociationRecord[], appId: string): Promise<object[]>;
    remove(id: string, appId: string): Promise<object | undefined>;
    removeByAssociations(associations: RocketChatAssociationRecord[], appId: string): Promise<object[] | undefined>;
    update(id: string, data: object, upsert: boolean, appId: string): Promise<string>;
    updateByAssociations(associations: RocketChatAssociationRecord[], data: object, upsert: boolean, appId: string): Promise<string>;
}

const user = (id: string) => new RocketChatAssociationRecord(RocketChatAssociationModel.USER, id);
const misc = (id: string) => new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, id);
const APP = 'app-one';
const OTHER = 'app-two';

describe('workspace persistence bridge', () => {
    let dir: string;
    let store: Store;
    let bridge: BridgeOps;

    const open = async () => {
        store = new Store(dir);
        await store.open();
        bridge = new WorkspacePersistenceBridge({ store } as unknown as HostContext) as unknown as BridgeOps;
    };

    beforeEach(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persistence-bridge-'));
        await open();
    });

    afterEach(() => {
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('reads the records carrying ALL the given associations, of this app only, several per association', async () => {
        await bridge.createWithAssociations({ n: 1 }, [user('u1'), misc('connections')], APP);
        await bridge.createWithAssociations({ n: 2 }, [user('u1'), misc('notified')], APP);
        await bridge.createWithAssociations({ n: 3 }, [user('u2'), misc('connections')], APP);
        await bridge.createWithAssociations({ n: 4 }, [misc('connections'), user('u1')], APP);
        await bridge.createWithAssociations({ n: 5 }, [user('u1'), misc('connections')], OTHER);
        await bridge.create({ n: 6 }, APP);

        const ns = async (assocs: RocketChatAssociationRecord[], appId = APP) =>
            ((await bridge.readByAssociations(assocs, appId)) as Array<{ n: number }>).map((r) => r.n).sort();
        expect(await ns([user('u1')])).toEqual([1, 2, 4]);
        expect(await ns([misc('connections')])).toEqual([1, 3, 4]);
        expect(await ns([user('u1'), misc('connections')])).toEqual([1, 4]);
        expect(await ns([misc('connections'), user('u1')])).toEqual([1, 4]);
        expect(await ns([user('u2'), misc('notified')])).toEqual([]);
        expect(await ns([user('nobody')])).toEqual([]);
        expect(await ns([user('u1')], OTHER)).toEqual([5]);
        expect(await ns([])).toEqual([]);
        // plain JSON associations (as they come from the Deno runtime) read the same
        expect(await ns([{ model: 'user', id: 'u1' } as unknown as RocketChatAssociationRecord, misc('notified')])).toEqual([2]);
    });

    it('updates the first match, or creates the record when none matches and upsert is asked', async () => {
        const first = await bridge.createWithAssociations({ v: 'a' }, [user('u1'), misc('totals')], APP);
        expect(await bridge.updateByAssociations([misc('totals'), user('u1')], { v: 'b' }, false, APP)).toBe(first);
        expect(await bridge.readByAssociations([user('u1')], APP)).toEqual([{ v: 'b' }]);

        await expect(bridge.updateByAssociations([user('u9')], { v: 'x' }, false, APP)).rejects.toThrow();
        expect(await bridge.readByAssociations([user('u9')], APP)).toEqual([]);

        const created = await bridge.updateByAssociations([user('u9'), misc('totals')], { v: 'c' }, true, APP);
        expect(created).not.toBe(first);
        expect(await bridge.readByAssociations([misc('totals')], APP)).toEqual(expect.arrayContaining([{ v: 'b' }, { v: 'c' }]));
        expect(await bridge.readByAssociations([user('u9'), misc('totals')], APP)).toEqual([{ v: 'c' }]);
        // the same associations in another app are another record
        await bridge.updateByAssociations([user('u9'), misc('totals')], { v: 'other' }, true, OTHER);
        expect(await bridge.readByAssociations([user('u9')], APP)).toEqual([{ v: 'c' }]);
    });

    it('removes every record carrying all the associations and answers what it removed (undefined when none)', async () => {
        await bridge.createWithAssociations({ n: 1 }, [user('u1'), misc('connections')], APP);
        await bridge.createWithAssociations({ n: 2 }, [user('u1'), misc('connections'), misc('extra')], APP);
        await bridge.createWithAssociations({ n: 3 }, [user('u1')], APP);
        await bridge.createWithAssociations({ n: 4 }, [user('u1'), misc('connections')], OTHER);

        const removed = (await bridge.removeByAssociations([misc('connections'), user('u1')], APP)) as Array<{ n: number }>;
        expect(removed.map((r) => r.n).sort()).toEqual([1, 2]);
        expect(await bridge.readByAssociations([user('u1')], APP)).toEqual([{ n: 3 }]);
        expect(await bridge.readByAssociations([user('u1')], OTHER)).toEqual([{ n: 4 }]);
        expect(await bridge.removeByAssociations([misc('connections'), user('u1')], APP)).toBeUndefined();
        expect(await bridge.removeByAssociations([], APP)).toBeUndefined();
    });

    it('reads, updates and removes by id', async () => {
        const id = await bridge.createWithAssociations({ v: 1 }, [user('u1')], APP);
        expect(await bridge.readById(id, APP)).toEqual({ v: 1 });
        expect(await bridge.readById(id, OTHER)).toBeUndefined();
        await bridge.update(id, { v: 2 }, false, APP);
        expect(await bridge.readByAssociations([user('u1')], APP)).toEqual([{ v: 2 }]);
        expect(await bridge.remove(id, APP)).toEqual({ v: 2 });
        expect(await bridge.readByAssociations([user('u1')], APP)).toEqual([]);
        expect(await bridge.remove(id, APP)).toBeUndefined();
    });

    it('finds records stored before the index existed, after a restart (the stored format is unchanged)', async () => {
        await bridge.createWithAssociations({ n: 1 }, [user('u1'), misc('connections')], APP);
        await store.flush();
        // a record as the earlier workspace wrote it, appended to the file as it stood
        fs.appendFileSync(
            path.join(dir, 'app_persistence.db'),
            `${JSON.stringify({ _id: 'legacy1', appId: APP, data: JSON.stringify({ n: 2 }), associations: ['user:u1', 'misc:connections'] })}\n`,
        );
        await open();
        const rows = (await bridge.readByAssociations([user('u1'), misc('connections')], APP)) as Array<{ n: number }>;
        expect(rows.map((r) => r.n).sort()).toEqual([1, 2]);
        expect(store.indexedCount('app_persistence', 'associations', 'user:u1')).toBe(2);
    });

    it('looks records up through the index: the candidates read are the ones carrying the rarest key', async () => {
        for (let i = 0; i < 300; i++) {
            await bridge.createWithAssociations({ i }, [user(`u${i}`), misc('connections')], APP);
        }
        expect(store.indexedCount('app_persistence', 'associations', 'misc:connections')).toBe(300);
        expect(store.indexedCount('app_persistence', 'associations', 'user:u7')).toBe(1);
        const col = store.col('app_persistence');
        const find = jest.spyOn(col, 'findAsync');
        expect(await bridge.readByAssociations([misc('connections'), user('u7')], APP)).toEqual([{ i: 7 }]);
        expect(find).toHaveBeenCalledWith({ associations: 'user:u7' });
        find.mockRestore();
    });
});
