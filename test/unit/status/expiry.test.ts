import { runStatusExpiry, rearmStatusExpiries, statusExpiryProcessors, sweepStatusExpiries } from '../../../src/jobs/StatusExpiryJob';
import { setUserStatus } from '../../../src/services/setUserStatus';
import { StatusExpiryRepository } from '../../../src/storage/StatusExpiryRepository';
import { RecordStore } from '../../../src/storage/records';
import { FakeWorld, makeUser } from '../../doubles/world';

let world: FakeWorld;
const inAnHour = (): Date => new Date(Date.now() + 3600_000);
const user = () => world.users.get('u1')!;
const tokenOf = (i: number): string => (world.scheduled[i].data as { token: string }).token;
const runJob = (i: number) => runStatusExpiry(world.scheduled[i].data as never, world.env());

beforeEach(() => {
    world = new FakeWorld();
    world.addUser(makeUser('u1', { username: 'alice', status: 'away', statusConnection: 'online', statusText: 'before' }));
});

describe('setUserStatus', () => {
    it('applies status and normalized message through the user updater', async () => {
        const r = await setUserStatus(world.env(), { user: user(), status: 'busy', message: `  ${'z'.repeat(130)}` });
        expect(r).toEqual({ ok: true, value: { userId: 'u1', status: 'busy', message: 'z'.repeat(120), expiresAt: undefined } });
        expect(world.updates).toEqual([{ userId: 'u1', status: 'busy', statusText: 'z'.repeat(120) }]);
    });

    it('a message alone uses the status-text updater', async () => {
        await setUserStatus(world.env(), { user: user(), message: 'hi' });
        expect(world.updates).toEqual([{ userId: 'u1', statusText: 'hi' }]);
    });

    it.each([
        [{}, { kind: 'invalid', text: 'Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation' }],
        [{ status: 'disabled' }, { kind: 'rule', code: 'error-invalid-status', reason: 'Valid status types include online, away, offline, and busy.' }],
        [
            { status: 'busy', expiresAt: new Date(Date.now() - 60_000) },
            { kind: 'rule', code: 'error-invalid-date', reason: 'The expiration date must be a valid ISO date in the future' },
        ],
    ])('refuses %p and changes nothing', async (input, error) => {
        const r = await setUserStatus(world.env(), { user: user(), ...(input as object) });
        expect(r).toEqual({ ok: false, error });
        expect(world.updates).toEqual([]);
    });

    it('with expiresAt: records the previous default and message, schedules the job', async () => {
        const when = inAnHour();
        await setUserStatus(world.env(), { user: user(), status: 'busy', message: 'deep work', expiresAt: when });
        const record = await new StatusExpiryRepository(new RecordStore(world.persistenceReader())).find('u1');
        expect(record).toEqual({
            userId: 'u1',
            token: tokenOf(0),
            expiresAt: when.toISOString(),
            restoreStatus: 'away',
            restoreMessage: 'before',
            appliedStatus: 'busy',
            appliedMessage: 'deep work',
        });
        expect(world.scheduled[0]).toEqual({ id: 'status-expiry', when, data: { userId: 'u1', token: tokenOf(0) } });
    });

    it('a newer status without expiry cancels the pending one (its record goes)', async () => {
        await setUserStatus(world.env(), { user: user(), status: 'busy', expiresAt: inAnHour() });
        await setUserStatus(world.env(), { user: user(), status: 'online' });
        expect(await new StatusExpiryRepository(new RecordStore(world.persistenceReader())).find('u1')).toBeUndefined();
        expect(await runJob(0)).toBe('gone');
        expect(user().status).toBe('online');
    });

    it('a temporary status on top of another comes back to the status before both', async () => {
        await setUserStatus(world.env(), { user: user(), status: 'busy', message: 'one', expiresAt: inAnHour() });
        await setUserStatus(world.env(), { user: user(), status: 'offline', message: 'two', expiresAt: inAnHour() });
        expect(await runJob(0)).toBe('superseded');
        expect(user()).toMatchObject({ status: 'offline', statusText: 'two' });
        expect(await runJob(1)).toBe('restored');
        expect(user()).toMatchObject({ status: 'away', statusText: 'before' });
        expect(world.expiryRecords()).toEqual([]);
    });
});

describe('what comes back when the visible status cannot tell', () => {
    it('a disconnected user gets back online (the engine does not tell the default behind offline)', async () => {
        world.users.set('u1', makeUser('u1', { username: 'alice', status: 'offline', statusConnection: 'offline', statusText: '' }));
        await setUserStatus(world.env(), { user: user(), status: 'away', expiresAt: inAnHour() });
        expect(world.expiryRecords()).toEqual([expect.objectContaining({ restoreStatus: 'online', restoreMessage: '' })]);
    });

    it('idle over online comes back online; a chosen away comes back away', async () => {
        world.users.set('u1', makeUser('u1', { username: 'alice', status: 'away', statusConnection: 'away' }));
        await setUserStatus(world.env(), { user: user(), status: 'busy', expiresAt: inAnHour() });
        expect(world.expiryRecords()).toEqual([expect.objectContaining({ restoreStatus: 'online' })]);
        await setUserStatus(world.env(), { user: user(), status: 'away' });
        world.users.set('u1', { ...user(), status: 'away', statusConnection: 'online' } as never);
        await setUserStatus(world.env(), { user: user(), status: 'busy', expiresAt: inAnHour() });
        expect(world.expiryRecords()).toEqual([expect.objectContaining({ restoreStatus: 'away' })]);
    });
});

describe('a status the user chose since stays', () => {
    it.each([
        ['another status', { status: 'online' }],
        ['another message', { statusText: 'lunch' }],
    ])('%s (in any client): the expiry keeps it and removes its record', async (_what, change) => {
        await setUserStatus(world.env(), { user: user(), status: 'busy', message: 'meeting', expiresAt: inAnHour() });
        world.users.set('u1', { ...user(), ...change } as never);
        const before = { ...user() };
        expect(await runJob(0)).toBe('kept');
        expect(user()).toEqual(before);
        expect(world.expiryRecords()).toEqual([]);
    });

    it('idle or disconnected is no choice: the previous status comes back', async () => {
        await setUserStatus(world.env(), { user: user(), status: 'busy', message: 'meeting', expiresAt: inAnHour() });
        world.users.set('u1', { ...user(), status: 'offline', statusConnection: 'offline' } as never);
        expect(await runJob(0)).toBe('restored');
        expect(user()).toMatchObject({ status: 'away', statusText: 'before' });
    });
});

describe('several instances run the same expiry', () => {
    it('it restores once', async () => {
        await setUserStatus(world.env(), { user: user(), status: 'busy', message: 'meeting', expiresAt: inAnHour() });
        const outcomes = await Promise.all([runJob(0), runJob(0)]);
        expect(outcomes.sort()).toEqual(['gone', 'restored']);
        expect(world.updates.filter((u) => u.status === 'away')).toHaveLength(1);
    });
});

describe('status expiry job', () => {
    it('restores the previous status and message and removes its record', async () => {
        await setUserStatus(world.env(), { user: user(), status: 'busy', message: 'meeting', expiresAt: inAnHour() });
        expect(user()).toMatchObject({ status: 'busy', statusText: 'meeting' });
        expect(await runJob(0)).toBe('restored');
        expect(user()).toMatchObject({ status: 'away', statusText: 'before' });
        expect(world.expiryRecords()).toEqual([]);
        expect(await runJob(0)).toBe('gone');
    });

    it('exits when the user is gone', async () => {
        await setUserStatus(world.env(), { user: user(), status: 'busy', expiresAt: inAnHour() });
        world.users.delete('u1');
        expect(await runJob(0)).toBe('gone');
        expect(world.expiryRecords()).toEqual([]);
    });

    it('a restore that could not happen is tried again by its own job a minute later, which restores', async () => {
        await setUserStatus(world.env(), { user: user(), status: 'busy', message: 'meeting', expiresAt: inAnHour() });
        const processor = statusExpiryProcessors(world.app()).find((p) => p.id === 'status-expiry')!;
        const data = world.scheduled[0].data as { userId: string; token: string };
        world.failOn('user.update');
        const before = Date.now();
        await processor.processor({ ...data } as never, world.read(), world.modify(), world.http(), world.persistence());
        expect(user()).toMatchObject({ status: 'busy', statusText: 'meeting' });
        expect(world.scheduled).toHaveLength(2);
        expect(world.scheduled[1]).toMatchObject({ id: 'status-expiry', data });
        expect(new Date(world.scheduled[1].when as Date).getTime()).toBeGreaterThanOrEqual(before + 60_000);
        await processor.processor({ ...data } as never, world.read(), world.modify(), world.http(), world.persistence());
        expect(user()).toMatchObject({ status: 'away', statusText: 'before' });
        expect(world.scheduled).toHaveLength(2);
    });

    it('ignores malformed job data', async () => {
        expect(await runStatusExpiry({}, world.env())).toBe('gone');
    });

    it('re-arms pending records on start (overdue ones at once) and the re-armed job restores', async () => {
        await setUserStatus(world.env(), { user: user(), status: 'busy', expiresAt: inAnHour() });
        const record = (await new StatusExpiryRepository(new RecordStore(world.persistenceReader())).find('u1'))!;
        world.scheduled = [];
        const now = new Date(Date.now() + 2 * 3600_000);
        expect(await rearmStatusExpiries(world.read(), world.modify().getScheduler(), now)).toBe(1);
        expect(world.scheduled).toEqual([{ id: 'status-expiry', when: new Date(now.getTime() + 1000), data: { userId: 'u1', token: record.token } }]);
        expect(await runJob(0)).toBe('restored');
        expect(user().status).toBe('away');
    });

    it('starts the recurring sweep', async () => {
        await rearmStatusExpiries(world.read(), world.modify().getScheduler());
        expect(world.recurring).toEqual([{ id: 'status-expiry-sweep', interval: '1 minute', skipImmediate: true }]);
    });

    it('the sweep restores overdue records only (a lost one-time job cannot leave a status stuck)', async () => {
        world.addUser(makeUser('u2', { username: 'bob', status: 'online', statusText: 'bob before' }));
        await setUserStatus(world.env(), { user: user(), status: 'busy', expiresAt: new Date(Date.now() + 60_000) });
        await setUserStatus(world.env(), { user: world.users.get('u2')!, status: 'busy', expiresAt: inAnHour() });
        expect(await sweepStatusExpiries(world.env(), new Date())).toBe(0);
        expect(await sweepStatusExpiries(world.env(), new Date(Date.now() + 120_000))).toBe(1);
        expect(user()).toMatchObject({ status: 'away', statusText: 'before' });
        expect(world.users.get('u2')?.status).toBe('busy');
        expect(world.expiryRecords()).toEqual([expect.objectContaining({ userId: 'u2' })]);
        expect(await runJob(0)).toBe('gone');
    });

    it("the sweep reads the minutes that passed, not every pending expiry: a run's cost does not grow with them", async () => {
        const sweepCost = async (pending: number) => {
            world = new FakeWorld();
            const start = Date.now();
            for (let i = 0; i < pending; i++) {
                const someone = world.addUser(makeUser(`p${i}`, { username: `p${i}`, status: 'online' }));
                await setUserStatus(world.env(), {
                    user: someone,
                    status: 'busy',
                    expiresAt: new Date(start + 86_400_000),
                });
            }
            await sweepStatusExpiries(world.env(), new Date(start));
            const [ops, read] = [world.ops, world.recordsRead];
            expect(await sweepStatusExpiries(world.env(), new Date(start + 60_000))).toBe(0);
            return { calls: world.ops - ops, recordsRead: world.recordsRead - read };
        };
        const few = await sweepCost(3);
        expect(few.calls).toBeGreaterThan(0);
        expect(await sweepCost(300)).toEqual(few);
    });

    it('a sweep after a pause catches up the minutes since (the last hour), and each minute once', async () => {
        const start = Date.now();
        await setUserStatus(world.env(), { user: user(), status: 'busy', expiresAt: new Date(start + 5 * 60_000) });
        expect(await sweepStatusExpiries(world.env(), new Date(start))).toBe(0);
        // no sweep for twenty minutes: the next one finds the expiry of fifteen minutes ago
        expect(await sweepStatusExpiries(world.env(), new Date(start + 20 * 60_000))).toBe(1);
        expect(user()).toMatchObject({ status: 'away', statusText: 'before' });
        // set again, then restored by its own job: the sweep after it has nothing to do
        await setUserStatus(world.env(), { user: user(), status: 'busy', expiresAt: new Date(start + 22 * 60_000) });
        expect(await sweepStatusExpiries(world.env(), new Date(start + 21 * 60_000))).toBe(0);
        expect(await runJob(world.scheduled.length - 1)).toBe('restored');
        expect(await sweepStatusExpiries(world.env(), new Date(start + 24 * 60_000))).toBe(0);
    });

    it('re-arms a future record at its own time', async () => {
        const when = inAnHour();
        await setUserStatus(world.env(), { user: user(), status: 'busy', expiresAt: when });
        world.scheduled = [];
        await rearmStatusExpiries(world.read(), world.modify().getScheduler());
        expect(world.scheduled[0].when).toEqual(when);
    });
});
