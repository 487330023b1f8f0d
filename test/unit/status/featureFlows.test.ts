/**
 * The features beyond the built-in, through the command dispatcher and their jobs, on test
 * doubles: recent statuses, scheduled statuses, working hours, someone else's status and the
 * audit trail. Jobs are run by calling their processors with the data they were armed with.
 */
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { CommandContext } from '../../../src/commands/CommandContext';
import { dispatchStatusCommand } from '../../../src/commands/StatusCommand';
import { runStatusExpiry } from '../../../src/jobs/StatusExpiryJob';
import { STATUS_MESSAGES } from '../../../src/i18n/statusMessages';
import { translator } from '../../../src/i18n/translate';
import { rearmSchedules, runScheduleStart } from '../../../src/services/scheduledStatus';
import { rearmWorkingHours, runWorkingHoursBoundary } from '../../../src/services/workingHours';
import { FakeWorld, makeUser } from '../../doubles/world';

let world: FakeWorld;
const t = translator(STATUS_MESSAGES, 'en');

beforeEach(() => {
    world = new FakeWorld();
    world.addUser(makeUser('u1', { username: 'alice', status: 'online', statusText: 'hi' }));
    world.addUser(makeUser('u2', { username: 'bob', status: 'online', statusText: '' }));
    world.addUser(makeUser('a1', { username: 'root', roles: ['admin', 'user'] }));
});

const ctx = (id: string, now = new Date()): CommandContext => ({
    app: world.app() as never,
    read: world.read(),
    modify: world.modify(),
    persistence: world.persistence(),
    http: world.http(),
    sender: world.users.get(id) as IUser,
    t,
    command: '/status',
    now,
});
const run = async (id: string, text: string, now?: Date) => (await dispatchStatusCommand(ctx(id, now), text.split(' '), true)).text;
const user = (id: string) => world.users.get(id) as IUser;
const jobsOf = (id: string) => world.scheduled.filter((job) => job.id === id);

describe('recent statuses', () => {
    it('the last five distinct statuses a user set, first the latest; one picked by number', async () => {
        expect(await run('u1', 'recent')).toBe('You have no recent statuses yet.');
        await run('u1', 'busy In a meeting');
        await run('u1', 'away Lunch');
        await run('u1', 'busy In a meeting');
        await run('u1', 'message Working from home');
        expect(await run('u1', 'recent')).toBe(
            [t('recent_title', { command: '/status' }), '1. "Working from home"', '2. Busy "In a meeting"', '3. Away "Lunch"'].join('\n'),
        );
        expect(await run('u1', 'recent 3')).toBe('Your status is now Away.\nYour status message is now "Lunch".');
        expect(user('u1')).toMatchObject({ status: 'away', statusText: 'Lunch' });
        expect(await run('u1', 'recent 9')).toMatch(/^There is no recent status number 9\./);
    });
});

describe('scheduled statuses', () => {
    // 10:00 UTC today: "tomorrow" plus up to 90 minutes never crosses midnight, and is still ahead of the real clock
    const NOW = new Date(`${new Date().toISOString().slice(0, 10)}T10:00:00.000Z`);
    const hh = (offsetMinutes: number) => {
        const d = new Date(NOW.getTime() + offsetMinutes * 60_000);
        return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    };

    it('scheduled now, applied by its start job until its end, then the previous status comes back', async () => {
        const reply = await run('u1', `busy from tomorrow ${hh(0)} to tomorrow ${hh(90)} Offsite`, NOW);
        expect(reply).toMatch(
            /^Scheduled: Busy "Offsite" from \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(UTC\) to \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(UTC\); then the previous status comes back\.$/,
        );
        expect(user('u1')).toMatchObject({ status: 'online', statusText: 'hi' });
        const [job] = jobsOf('status-schedule-start');
        expect(job.data).toEqual({ userId: 'u1', scheduleId: expect.any(String) });
        expect(await runScheduleStart(job.data as never, world.env(), new Date(job.when as Date))).toBe('applied');
        expect(user('u1')).toMatchObject({ status: 'busy', statusText: 'Offsite' });
        const [expiry] = jobsOf('status-expiry');
        expect(expiry.when).toEqual(new Date(new Date(job.when as Date).getTime() + 90 * 60_000));
        expect(await runStatusExpiry(expiry.data as never, world.env())).toBe('restored');
        expect(user('u1')).toMatchObject({ status: 'online', statusText: 'hi' });
        expect(await run('u1', 'scheduled')).toBe('You have no scheduled statuses.');
    });

    it('listed and cancelled by number; a cancelled one does nothing at its start', async () => {
        await run('u1', `away from tomorrow 09:00 to tomorrow 10:00 Dentist`, NOW);
        await run('u1', `busy from tomorrow 11:00 to tomorrow 12:00`, NOW);
        const listed = await run('u1', 'scheduled');
        expect(listed.split('\n')).toEqual([
            t('scheduled_title', { command: '/status' }),
            expect.stringMatching(/^1\. Away "Dentist" from .* 09:00 \(UTC\) to .* 10:00 \(UTC\)$/),
            expect.stringMatching(/^2\. Busy from .* 11:00 \(UTC\) to .* 12:00 \(UTC\)$/),
        ]);
        expect(await run('u1', 'scheduled cancel 1')).toMatch(/^Cancelled: Away "Dentist" from /);
        const first = jobsOf('status-schedule-start')[0];
        expect(await runScheduleStart(first.data as never, world.env())).toBe('cancelled');
        expect(user('u1').status).toBe('online');
        expect(await run('u1', 'scheduled cancel 5')).toMatch(/^There is no scheduled status number 5\./);
    });

    it('a custom status can be scheduled too', async () => {
        await run('a1', 'custom create Lunch: away');
        expect(await run('u1', 'Lunch from tomorrow 12:00 to tomorrow 13:00', NOW)).toMatch(/^Scheduled: Away "Lunch" from /);
    });

    it('the start job runs once for the cluster, and is armed again when the app starts', async () => {
        await run('u1', `busy from tomorrow 09:00 to tomorrow 10:00`, NOW);
        const job = jobsOf('status-schedule-start')[0];
        world.scheduled = [];
        expect(await rearmSchedules(world.read(), world.modify().getScheduler(), NOW)).toBe(1);
        expect(world.scheduled).toEqual([job]);
        const at = new Date(job.when as Date);
        const outcomes = await Promise.all([1, 2].map(() => runScheduleStart(job.data as never, world.env(), at)));
        expect(outcomes.sort()).toEqual(['applied', 'cancelled']);
    });

    it('a start job that runs after the end drops the schedule', async () => {
        await run('u1', `busy from tomorrow 09:00 to tomorrow 10:00`, NOW);
        const job = jobsOf('status-schedule-start')[0];
        const late = new Date(new Date(job.when as Date).getTime() + 2 * 3600_000);
        expect(await runScheduleStart(job.data as never, world.env(), late)).toBe('missed');
        expect(user('u1').status).toBe('online');
    });
});

describe('working hours', () => {
    const monday = (time: string) => new Date(`2026-06-08T${time}:00.000Z`);

    it('outside them the status is away; at their start it comes back; each boundary arms the next', async () => {
        expect(await run('u1', 'hours')).toBe('You have no working hours. Set them with /status hours 09:00-17:00 [mon-fri].');
        expect(await run('u1', 'hours 09:00-17:00', monday('12:00'))).toBe(
            'Your working hours are now 09:00-17:00 mon,tue,wed,thu,fri (UTC). Outside them your status is Away; when they start, your status comes back.',
        );
        expect(user('u1').status).toBe('online');
        const end = jobsOf('working-hours-boundary').pop()!;
        expect(end.when).toEqual(monday('17:00'));
        expect(await runWorkingHoursBoundary(end.data as never, world.env(), monday('17:00'))).toBe('away');
        expect(user('u1')).toMatchObject({ status: 'away', statusText: 'hi' });
        const start = jobsOf('working-hours-boundary').pop()!;
        expect(start.when).toEqual(new Date('2026-06-09T09:00:00.000Z'));
        expect(await runWorkingHoursBoundary(start.data as never, world.env(), new Date('2026-06-09T09:00:00.000Z'))).toBe('back');
        expect(user('u1')).toMatchObject({ status: 'online', statusText: 'hi' });
    });

    it('a status chosen outside them stays at their start; opting out brings back an away the app set', async () => {
        await run('u1', 'hours 09:00-17:00', monday('20:00'));
        expect(user('u1').status).toBe('away');
        await run('u1', 'busy Late call');
        const start = jobsOf('working-hours-boundary').pop()!;
        await runWorkingHoursBoundary(start.data as never, world.env(), new Date('2026-06-09T09:00:00.000Z'));
        expect(user('u1')).toMatchObject({ status: 'busy', statusText: 'Late call' });

        await run('u2', 'hours 09:00-17:00', monday('20:00'));
        expect(user('u2').status).toBe('away');
        expect(await run('u2', 'hours off')).toBe('Your working hours are off.');
        expect(user('u2').status).toBe('online');
    });

    it('new hours make the jobs armed for the old ones do nothing; armed again when the app starts', async () => {
        await run('u1', 'hours 09:00-17:00', monday('12:00'));
        const old = jobsOf('working-hours-boundary').pop()!;
        await run('u1', 'hours 10:00-18:00', monday('12:00'));
        expect(await runWorkingHoursBoundary(old.data as never, world.env(), monday('17:00'))).toBe('superseded');
        world.scheduled = [];
        expect(await rearmWorkingHours(world.read(), world.modify().getScheduler(), monday('12:00'))).toBe(1);
        expect(world.scheduled.map((job) => job.when)).toEqual([monday('18:00')]);
    });
});

describe("someone else's status, and the audit trail", () => {
    it('an admin sets it with the command; the audit trail shows who, what and from where', async () => {
        expect(await run('a1', 'set @bob busy 1h Covering support')).toMatch(
            /^@bob is now Busy "Covering support" until .* \(UTC\); then the previous status comes back\.$/,
        );
        expect(user('u2')).toMatchObject({ status: 'busy', statusText: 'Covering support' });
        expect(await run('u1', 'set @bob away')).toMatch(/^You are not allowed to do that\./);
        expect(user('u2').status).toBe('busy');

        await run('a1', 'custom create Lunch: away');
        await run('a1', 'custom rename Lunch : Lunch break');
        await run('a1', 'custom delete Lunch break');
        const trail = (await run('a1', 'audit')).split('\n');
        expect(trail[0]).toBe('Audit trail, newest first:');
        expect(trail.slice(1).map((line) => line.replace(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(UTC\) · /, ''))).toEqual([
            '@root: deleted the custom status "Lunch break" (slash command)',
            '@root: changed the custom status "Lunch" to "Lunch break" (Away) (slash command)',
            '@root: created the custom status "Lunch" (Away) (slash command)',
            '@root: set the status of @bob: Busy "Covering support" (slash command)',
        ]);
        expect((await run('a1', 'audit @bob')).split('\n')).toHaveLength(2);
        expect(await run('u1', 'audit')).toBe('You are not allowed to do that.');
    });
});
