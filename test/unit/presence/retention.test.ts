/**
 * The retention job: audit entries and daily peaks older than 90 days go, the notes of messages
 * sent older than yesterday go, the records of instances gone go; the rest stays. Its calls do not
 * grow with how many notes or entries there are.
 */
import { runRetention } from '../../../src/jobs/RetentionJob';
import { AuditRepository } from '../../../src/storage/AuditRepository';
import { MessageSentRepository } from '../../../src/storage/MessageSentRepository';
import { AuditEntry } from '../../../src/core/audit/AuditEntry';
import { ConnectionCountRepository } from '../../../src/storage/presence/ConnectionCountRepository';
import { HistoryRepository } from '../../../src/storage/presence/HistoryRepository';
import { RecordStore } from '../../../src/storage/records';
import { FakeWorld } from '../../doubles/world';

const NOW = new Date('2026-12-06T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

function storeOf(world: FakeWorld) {
    return new RecordStore(world.read().getPersistenceReader(), world.persistence());
}

async function fill(world: FakeWorld, notesToday: number) {
    const store = storeOf(world);
    for (const [id, age] of [
        ['old', 91],
        ['edge', 89],
        ['new', 0],
    ] as const) {
        const entry: AuditEntry = { _id: id, ts: daysAgo(age).toISOString(), action: 'presence.on', source: 'command', details: {} };
        world.putRecord(AuditRepository.associations(entry), entry);
    }
    const sent = new MessageSentRepository(store);
    await sent.add('k-old', 'u', daysAgo(3));
    await sent.add('k-yesterday', 'u', daysAgo(1));
    for (let i = 0; i < notesToday; i++) {
        await sent.add(`k${i}`, 'u', NOW);
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
        const noteKeys = world.recordsWith('misc:message-sent').map((c) => (c as { key: string }).key);
        expect(noteKeys.sort()).toEqual(['k-yesterday', 'k0', 'k1', 'k2']);
        expect((await new HistoryRepository(store).all()).map((d) => d.peak)).toEqual([7]);
        expect((await new ConnectionCountRepository(store).liveInstances(NOW)).map((r) => r.instanceId)).toEqual(['live']);
        expect(world.recordsWith('misc:presence-count-instance')).toHaveLength(1);
    });

    it('makes as many calls with 1,000 notes as with 10', async () => {
        const calls = async (notes: number) => {
            const world = new FakeWorld();
            await fill(world, notes);
            const before = world.ops;
            await runRetention(world.read(), world.persistence(), NOW);
            return world.ops - before;
        };
        expect(await calls(1000)).toBe(await calls(10));
    });
});
