/**
 * The persistence bridge's lookup by association (what every app call that reads a record pays):
 * one `readByAssociations` of a record among 100 and among 10,000 unrelated records of the same app,
 * each unrelated record carrying its own user association and a shared one, as an app's per-user
 * records do. The bridge runs over the real store (nedb files in a temp folder), without the engine.
 * Figure: `persistence.read.10000_over_100` (ratio of medians; 1 = the cost does not grow).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import { Store } from '../workspace/store/Store';
import { WorkspacePersistenceBridge } from '../workspace/bridges/PersistenceBridge';
import type { HostContext } from '../workspace/engine/HostContext';
import { median } from './lib/load';
import { summary } from './lib/summary';

interface BridgeOps {
    createWithAssociations(data: object, associations: RocketChatAssociationRecord[], appId: string): Promise<string>;
    readByAssociations(associations: RocketChatAssociationRecord[], appId: string): Promise<object[]>;
}

const APP = 'bench-app';
const user = (id: string) => new RocketChatAssociationRecord(RocketChatAssociationModel.USER, id);
const misc = (id: string) => new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, id);
const ROUNDS = Number(process.env.BENCH_PERSISTENCE_ROUNDS ?? 30);
const BATCH = 200;

async function storeWith(unrelated: number): Promise<{ bridge: BridgeOps; dir: string }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persistence-bench-'));
    const store = new Store(dir);
    await store.open();
    // unrelated records written straight into the collection, in the bridge's stored format
    const docs = Array.from({ length: unrelated }, (_, i) => ({
        _id: `r${i}`,
        appId: APP,
        data: JSON.stringify({ count: 1 }),
        associations: [`user:u${i}`, 'misc:presence-user-connections'],
    }));
    await store.col('app_persistence').insertAsync(docs);
    const bridge = new WorkspacePersistenceBridge({ store } as unknown as HostContext) as unknown as BridgeOps;
    await bridge.createWithAssociations({ events: 1, offset: 0 }, [misc('presence-connection-totals')], APP);
    await bridge.createWithAssociations({ count: 2 }, [user('target'), misc('presence-user-connections')], APP);
    return { bridge, dir };
}

async function main(): Promise<void> {
    const small = await storeWith(100);
    const large = await storeWith(10_000);
    const lookups: Array<[string, RocketChatAssociationRecord[]]> = [
        ['totals', [misc('presence-connection-totals')]],
        ['user record', [user('target'), misc('presence-user-connections')]],
    ];
    for (const [label, assocs] of lookups) {
        const samples: number[][] = [[], []];
        // batches of the two stores interleaved, so they share the machine's noise
        for (let round = -3; round < ROUNDS; round++) {
            for (const [i, { bridge }] of [small, large].entries()) {
                const start = process.hrtime.bigint();
                for (let b = 0; b < BATCH; b++) {
                    const found = await bridge.readByAssociations(assocs, APP);
                    if (found.length !== 1) throw new Error(`${label}: ${found.length} records found`);
                }
                if (round >= 0) samples[i].push(Number(process.hrtime.bigint() - start) / 1e3 / BATCH);
            }
        }
        const [us100, us10k] = samples.map(median);
        process.stdout.write(`readByAssociations (${label}): ${us100.toFixed(1)} µs among 100 records, ${us10k.toFixed(1)} µs among 10,000\n`);
        if (label === 'user record') {
            summary('persistence.read.10000_over_100', us10k / us100, ['us_100', us100], ['us_10000', us10k]);
        }
    }
    for (const { dir } of [small, large]) fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
});
