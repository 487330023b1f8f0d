/**
 * The retention job: audit entries and daily peaks older than 90 days go, claims older than
 * yesterday go, the records of instances gone go; the rest stays. Its calls do not grow with how
 * many claims or entries there are.
 */
import { runRetention } from '../../../src/jobs/RetentionJob';
import { AuditRepository } from '../../../src/storage/AuditRepository';
import { ClaimRepository } from '../../../src/storage/ClaimRepository';
import { ConnectionCountRepository } from '../../../src/storage/presence/ConnectionCountRepository';
import { HistoryRepository } from '../../../src/storage/presence/HistoryRepository';
import { RecordStore } from '../../../src/storage/records';
import { FakeWorld } from '../../doubles/world';

const NOW = new Date('2026-12-06T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

function storeOf(world: FakeWorld) {
    return new RecordStore(world.read().getPersistenceReader(), world.persistence());
}

async function fill(world: FakeWorld, claimsToday: number) {
    const store = storeOf(world);
    const audit = new AuditRepository(store);
    for (const [id, age] of [
        ['old', 91],
        ['edge', 89],
        ['new', 0],
    ] as const) {
        await audit.add({ _id: id, ts: daysAgo(age).toISOString(), action: 'presence.on', source: 'command', details: {} });
    }
    const claims = new ClaimRepository(store);
    await claims.add({ key: 'k-old', claimId: 'c-old', instanceId: 'i', at: daysAgo(3).toISOString() });
    await claims.add({ key: 'k-yesterday', claimId: 'c-y', instanceId: 'i', at: daysAgo(1).toISOString() });
    for (let i = 0; i < claimsToday; i++) {
        await claims.add({ key: `k${i}`, claimId: `c${i}`, instanceId: 'i', at: NOW.toISOString() });
    }
    const history = new HistoryRepository(store);
    await history.save({ date: daysAgo(95).toISOString().slice(0, 10), peak: 5, cap: 200 });
    await history.save({ date: daysAgo(10).toISOString().slice(0, 10), peak: 7, cap: 200 });
    const instances = new ConnectionCountRepository(store);
    await instances.saveInstance({ instanceId: 'gone', users: [], at: daysAgo(1).toISOString() } as never);
    await instances.saveInstance({ instanceId: 'live', users: [], at: NOW.toISOString() } as never);
}

describe('retention', () => {
    it('removes what is past its time and keeps the rest', async () => {
        const world = new FakeWorld();
        await fill(world, 3);
        await runRetention(world.read(), world.persistence(), NOW);
        const store = storeOf(world);
        expect((await new AuditRepository(store).list()).map((e) => e._id).sort()).toEqual(['edge', 'new']);
        const claimKeys = world.recordsWith('misc:cluster-claim').map((c) => (c as { key: string }).key);
        expect(claimKeys.sort()).toEqual(['k-yesterday', 'k0', 'k1', 'k2']);
        expect((await new HistoryRepository(store).all()).map((d) => d.peak)).toEqual([7]);
        expect((await new ConnectionCountRepository(store).liveInstances(NOW)).map((r) => r.instanceId)).toEqual(['live']);
        expect(world.recordsWith('misc:presence-count-instance')).toHaveLength(1);
    });

    it('makes as many calls with 1,000 claims as with 10', async () => {
        const calls = async (claims: number) => {
            const world = new FakeWorld();
            await fill(world, claims);
            const before = world.ops;
            await runRetention(world.read(), world.persistence(), NOW);
            return world.ops - before;
        };
        expect(await calls(1000)).toBe(await calls(10));
    });
});
