import { runStatusExpiry, rearmStatusExpiries, sweepStatusExpiries } from '../../../src/jobs/StatusExpiryJob';
import { setUserStatus } from '../../../src/services/setUserStatus';
import { StatusExpiryRepository } from '../../../src/storage/StatusExpiryRepository';
import { FakeWorld, makeUser } from './fakes';

let world: FakeWorld;
const inAnHour = (): Date => new Date(Date.now() + 3600_000);
const user = () => world.users.get('u1')!;
const tokenOf = (i: number): string => (world.scheduled[i].data as { token: string }).token;
const runJob = (i: number) => runStatusExpiry(world.scheduled[i].data as never, world.read(), world.modify(), world.persistence());

beforeEach(() => {
    world = new FakeWorld();
    world.addUser(makeUser('u1', { username: 'alice', status: 'away', statusConnection: 'online', statusText: 'before' }));
});

describe('setUserStatus', () => {
    it('applies status and normalized message through the user updater', async () => {
        const r = await setUserStatus(world.read(), world.modify(), world.persistence(), { user: user(), status: 'busy', message: `  ${'z'.repeat(130)}` });
        expect(r).toEqual({ ok: true, value: { userId: 'u1', status: 'busy', message: 'z'.repeat(120), expiresAt: undefined } });
        expect(world.updates).toEqual([{ userId: 'u1', status: 'busy', statusText: 'z'.repeat(120) }]);
    });

    it('a message alone uses the status-text updater', async () => {
        await setUserStatus(world.read(), world.modify(), world.persistence(), { user: user(), message: 'hi' });
        expect(world.updates).toEqual([{ userId: 'u1', statusText: 'hi' }]);
    });

    it.each([
        [{}, 'invalid'],
        [{ status: 'disabled' }, 'error-invalid-status'],
        [{ status: 'busy', expiresAt: new Date(Date.now() - 1000) }, 'error-invalid-date'],
    ])('refuses %p and changes nothing', async (input, expected) => {
        const r = await setUserStatus(world.read(), world.modify(), world.persistence(), { user: user(), ...(input as object) });
        expect(r.ok).toBe(false);
        expect(JSON.stringify(r)).toContain(expected);
        expect(world.updates).toEqual([]);
    });

    it('with expiresAt: records the previous default and message, schedules the job', async () => {
        const when = inAnHour();
        await setUserStatus(world.read(), world.modify(), world.persistence(), { user: user(), status: 'busy', message: 'deep work', expiresAt: when });
        const record = await new StatusExpiryRepository(world.persistenceReader()).find('u1');
        expect(record).toEqual({ userId: 'u1', token: tokenOf(0), expiresAt: when.toISOString(), restoreStatus: 'away', restoreMessage: 'before' });
        expect(world.scheduled[0]).toEqual({ id: 'status-expiry', when, data: { userId: 'u1', token: tokenOf(0) } });
    });

    it('a newer status without expiry cancels the pending one (its record goes)', async () => {
        await setUserStatus(world.read(), world.modify(), world.persistence(), { user: user(), status: 'busy', expiresAt: inAnHour() });
        await setUserStatus(world.read(), world.modify(), world.persistence(), { user: user(), status: 'online' });
        expect(await new StatusExpiryRepository(world.persistenceReader()).find('u1')).toBeUndefined();
        expect(await runJob(0)).toBe('gone');
        expect(user().status).toBe('online');
    });

    it('a temporary status on top of another comes back to the status before both', async () => {
        await setUserStatus(world.read(), world.modify(), world.persistence(), { user: user(), status: 'busy', message: 'one', expiresAt: inAnHour() });
        await setUserStatus(world.read(), world.modify(), world.persistence(), { user: user(), status: 'offline', message: 'two', expiresAt: inAnHour() });
        expect(await runJob(0)).toBe('superseded');
        expect(user()).toMatchObject({ status: 'offline', statusText: 'two' });
        expect(await runJob(1)).toBe('restored');
        expect(user()).toMatchObject({ status: 'away', statusText: 'before' });
        expect(world.expiryRecords()).toEqual([]);
    });
});

describe('what comes back when the visible status cannot tell', () => {
    it('a disconnected user gets back the default the app last set, not online', async () => {
        world.users.set('u1', makeUser('u1', { username: 'alice', status: 'offline', statusConnection: 'offline', statusText: '' }));
        await setUserStatus(world.read(), world.modify(), world.persistence(), { user: user(), status: 'busy' });
        await setUserStatus(world.read(), world.modify(), world.persistence(), {
            user: { ...user(), status: 'offline' },
            status: 'away',
            expiresAt: inAnHour(),
        });
        expect(await runJob(0)).toBe('restored');
        expect(user().status).toBe('busy');
    });

    it('idle with the default away stays away; without a known default, online', async () => {
        world.users.set('u1', makeUser('u1', { username: 'alice', status: 'away', statusConnection: 'away' }));
        await setUserStatus(world.read(), world.modify(), world.persistence(), { user: user(), status: 'busy', expiresAt: inAnHour() });
        expect(world.expiryRecords()).toEqual([expect.objectContaining({ restoreStatus: 'online' })]);
        await setUserStatus(world.read(), world.modify(), world.persistence(), { user: user(), status: 'away' });
        world.users.set('u1', { ...user(), status: 'away', statusConnection: 'away' } as never);
        await setUserStatus(world.read(), world.modify(), world.persistence(), { user: user(), status: 'busy', expiresAt: inAnHour() });
        expect(world.expiryRecords()).toEqual([expect.objectContaining({ restoreStatus: 'away' })]);
    });
});

describe('status expiry job', () => {
    it('restores the previous status and message and removes its record', async () => {
        await setUserStatus(world.read(), world.modify(), world.persistence(), { user: user(), status: 'busy', message: 'meeting', expiresAt: inAnHour() });
        expect(user()).toMatchObject({ status: 'busy', statusText: 'meeting' });
        expect(await runJob(0)).toBe('restored');
        expect(user()).toMatchObject({ status: 'away', statusText: 'before' });
        expect(world.expiryRecords()).toEqual([]);
        expect(await runJob(0)).toBe('gone');
    });

    it('exits when the user is gone', async () => {
        await setUserStatus(world.read(), world.modify(), world.persistence(), { user: user(), status: 'busy', expiresAt: inAnHour() });
        world.users.delete('u1');
        expect(await runJob(0)).toBe('gone');
        expect(world.expiryRecords()).toEqual([]);
    });

    it('ignores malformed job data', async () => {
        expect(await runStatusExpiry({}, world.read(), world.modify(), world.persistence())).toBe('gone');
    });

    it('re-arms pending records on start (overdue ones at once) and the re-armed job restores', async () => {
        await setUserStatus(world.read(), world.modify(), world.persistence(), { user: user(), status: 'busy', expiresAt: inAnHour() });
        const record = (await new StatusExpiryRepository(world.persistenceReader()).find('u1'))!;
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
        await setUserStatus(world.read(), world.modify(), world.persistence(), { user: user(), status: 'busy', expiresAt: new Date(Date.now() + 1000) });
        await setUserStatus(world.read(), world.modify(), world.persistence(), { user: world.users.get('u2')!, status: 'busy', expiresAt: inAnHour() });
        expect(await sweepStatusExpiries(world.read(), world.modify(), world.persistence(), new Date())).toBe(0);
        expect(await sweepStatusExpiries(world.read(), world.modify(), world.persistence(), new Date(Date.now() + 2000))).toBe(1);
        expect(user()).toMatchObject({ status: 'away', statusText: 'before' });
        expect(world.users.get('u2')?.status).toBe('busy');
        expect(world.expiryRecords()).toEqual([expect.objectContaining({ userId: 'u2' })]);
        expect(await runJob(0)).toBe('gone');
    });

    it('re-arms a future record at its own time', async () => {
        const when = inAnHour();
        await setUserStatus(world.read(), world.modify(), world.persistence(), { user: user(), status: 'busy', expiresAt: when });
        world.scheduled = [];
        await rearmStatusExpiries(world.read(), world.modify().getScheduler());
        expect(world.scheduled[0].when).toEqual(when);
    });
});
