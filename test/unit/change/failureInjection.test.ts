/**
 * Every writing path of the app, each bridge call it makes failed in turn (reads included): after
 * the recovery pass and the jobs that fall due, the world holds the whole change or none of it,
 * the answer says which ("nothing was changed" only when nothing was; "being undone" only when the
 * recovery had to finish the undo), and no change is left under way. See test/doubles/failureHarness.
 */
import { IApiEndpoint, IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { UIKitViewSubmitInteractionContext } from '@rocket.chat/apps-engine/definition/uikit';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { dispatchStatusCommand } from '../../../src/commands/StatusCommand';
import { appEndpoints } from '../../../src/endpoints/endpoints';
import { STATUS_MESSAGES } from '../../../src/i18n/statusMessages';
import { translator } from '../../../src/i18n/translate';
import { statusExpiryProcessors, sweepStatusExpiries } from '../../../src/jobs/StatusExpiryJob';
import { runPresenceMonitor, syncPresenceSwitch } from '../../../src/jobs/PresenceMonitorJob';
import { applySettingsEdit } from '../../../src/listeners/CustomStatusSettingsListener';
import { saveCustomStatus } from '../../../src/services/CustomStatusService';
import { sendInactiveNotice, takeInactiveNotice } from '../../../src/services/presence/notices';
import { runScheduleStart } from '../../../src/services/scheduledStatus';
import { setUserStatus } from '../../../src/services/setUserStatus';
import { runWorkingHoursBoundary } from '../../../src/services/workingHours';
import { handleViewSubmit } from '../../../src/ui/UiHandlers';
import { apiRequest, FakeWorld, makeUser } from '../../doubles/world';
import { failEveryCall, Operation, Said } from '../../doubles/failureHarness';

const NOW = new Date('2026-06-10T12:00:00.000Z'); // a Wednesday, noon UTC
const HORIZON = new Date('2026-06-12T00:00:00.000Z');
const inHours = (h: number) => new Date(NOW.getTime() + h * 3600_000);
const t = translator(STATUS_MESSAGES, 'en');

beforeAll(() => {
    jest.useFakeTimers({
        doNotFake: [
            'hrtime',
            'nextTick',
            'performance',
            'queueMicrotask',
            'setImmediate',
            'clearImmediate',
            'setInterval',
            'clearInterval',
            'setTimeout',
            'clearTimeout',
        ],
    });
});
afterAll(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
});

// --- how each adapter's answer is read ---------------------------------------------------------

/** A success; "being undone"; any other refusal or failure says that nothing was changed. */
function saidByResponse(response: IApiResponse): Said {
    const content = response.content as { errorType?: string };
    return response.status === 200 ? 'ok' : content.errorType === 'error-app-undoing' ? 'undoing' : 'none';
}

function saidByReply(ok: boolean, text: string): Said {
    return ok ? 'ok' : text.startsWith(t('error_undoing')) ? 'undoing' : 'none';
}

async function rest(world: FakeWorld, path: string, userId: string, content: unknown): Promise<Said> {
    const endpoint = appEndpoints(world.app() as never).find((e) => e.path === path) as IApiEndpoint;
    const response = await endpoint.post!(
        apiRequest(world.users.get(userId), content),
        {} as never,
        world.read(),
        world.modify(),
        world.http(),
        world.persistence(),
    );
    return saidByResponse(response);
}

async function command(world: FakeWorld, userId: string, text: string): Promise<Said> {
    const reply = await dispatchStatusCommand(
        {
            app: world.app() as never,
            read: world.read(),
            modify: world.modify(),
            persistence: world.persistence(),
            http: world.http(),
            sender: world.users.get(userId) as IUser,
            t,
            command: '/status',
            now: new Date(),
        },
        text.split(' '),
        true,
    );
    return saidByReply(reply.ok, reply.text);
}

async function job(world: FakeWorld, id: string): Promise<Said> {
    const scheduled = world.scheduled.find((j) => j.id === id);
    if (!scheduled) {
        throw new Error(`no job ${id}`);
    }
    const processor = statusExpiryProcessors(world.app()).find((p) => p.id === id);
    await processor!.processor({ ...(scheduled.data ?? {}) } as never, world.read(), world.modify(), world.http(), world.persistence());
    return 'ok';
}

// --- the worlds the operations start from ------------------------------------------------------

function people(world: FakeWorld): void {
    world.addUser(makeUser('u1', { username: 'alice', status: 'away', statusConnection: 'online', statusText: 'before' }));
    world.addUser(makeUser('u2', { username: 'bob', status: 'online', statusText: '' }));
    world.addUser(makeUser('boss', { username: 'boss', roles: ['admin', 'user'] }));
    world.putRecord(['user:boss', 'misc:presence-admin'], { userId: 'boss', username: 'boss' });
}

/** alice has a temporary status pending (busy "meeting" for an hour, then back to away "before"). */
async function pendingExpiry(world: FakeWorld): Promise<void> {
    people(world);
    const alice = world.users.get('u1')!;
    const set = await setUserStatus(world.env(), { user: alice, status: 'busy', message: 'meeting', expiresAt: inHours(1) });
    if (!set.ok) throw new Error('setup');
}

async function customStatuses(world: FakeWorld): Promise<void> {
    people(world);
    for (const [name, statusType] of [
        ['Lunch', 'away'],
        ['Focus', 'busy'],
    ]) {
        await saveCustomStatus(world.env(), { source: 'rest', actor: world.users.get('boss') }, { name, statusType }, true);
    }
}

const customId = (world: FakeWorld, name: string) =>
    (world.recordsWith('misc:custom-user-status').find((r) => (r as { name: string }).name === name) as { _id: string })._id;

// --- the table: every writing path -------------------------------------------------------------

const OPERATIONS: Operation[] = [
    {
        name: 'users.setStatus, own, a new pair (the status and a recent status)',
        setup: people,
        run: (w) => rest(w, 'users.setStatus', 'u1', { status: 'busy', message: 'Deep work' }),
    },
    {
        name: 'users.setStatus, own, with expiresAt over a pending expiry',
        setup: pendingExpiry,
        run: (w) => rest(w, 'users.setStatus', 'u1', { status: 'offline', message: 'later', expiresAt: inHours(3).toISOString() }),
    },
    {
        name: 'users.setStatus, own, no expiry over a pending one (it goes)',
        setup: pendingExpiry,
        run: (w) => rest(w, 'users.setStatus', 'u1', { status: 'online', message: 'back' }),
    },
    {
        name: "users.setStatus, someone else's (audited), with expiresAt",
        setup: people,
        run: (w) => rest(w, 'users.setStatus', 'boss', { username: 'bob', status: 'away', message: 'On leave', expiresAt: inHours(5).toISOString() }),
    },
    {
        name: '/status busy 1h In a meeting',
        setup: people,
        run: (w) => command(w, 'u1', 'busy 1h In a meeting'),
    },
    {
        name: '/status clear, a pending expiry cancelled',
        setup: pendingExpiry,
        run: (w) => command(w, 'u1', 'clear'),
    },
    {
        name: '/status set @bob away 2h Out',
        setup: people,
        run: (w) => command(w, 'boss', 'set @bob away 2h Out'),
    },
    {
        name: 'the picker: Away, clear after 1 hour',
        setup: people,
        run: async (w) => {
            const context = new UIKitViewSubmitInteractionContext({
                appId: 'app',
                actionId: '',
                triggerId: 'trigger',
                user: w.users.get('u1'),
                view: {
                    id: 'user-status-picker',
                    state: {
                        'picker-status': { 'picker-status-select': 'preset:away' },
                        'picker-message': { 'picker-message-input': 'Coffee' },
                        'picker-clear-after': { 'picker-clear-after-select': '1h' },
                    },
                },
            } as never);
            const response = (await handleViewSubmit(w.app(), context, w.read(), w.http(), w.persistence(), w.modify())) as {
                success?: boolean;
                errors?: Record<string, string>;
            };
            const error = Object.values(response.errors ?? {})[0];
            return error === undefined ? 'ok' : saidByReply(false, error);
        },
    },
    {
        name: 'the expiry job restores',
        setup: pendingExpiry,
        background: true,
        run: (w) => job(w, 'status-expiry'),
    },
    {
        name: 'the expiry sweep restores an overdue expiry whose job was lost',
        lostJob: true,
        setup: async (w) => {
            await pendingExpiry(w);
            w.scheduled = [];
            jest.setSystemTime(inHours(2));
        },
        background: true,
        run: async (w) => (await sweepStatusExpiries(w.env()), 'ok'),
    },
    {
        name: 'custom-user-status.create',
        setup: customStatuses,
        run: (w) => rest(w, 'custom-user-status.create', 'boss', { name: 'Travel', statusType: 'offline' }),
    },
    {
        name: 'custom-user-status.update (a rename and a new presence)',
        setup: customStatuses,
        run: (w) => rest(w, 'custom-user-status.update', 'boss', { _id: customId(w, 'Lunch'), name: 'Lunch break', statusType: 'busy' }),
    },
    {
        name: 'custom-user-status.delete',
        setup: customStatuses,
        run: (w) => rest(w, 'custom-user-status.delete', 'boss', { customUserStatusId: customId(w, 'Focus') }),
    },
    {
        name: '/status custom rename Lunch: Brunch',
        setup: customStatuses,
        run: (w) => command(w, 'boss', 'custom rename Lunch: Brunch'),
    },
    {
        name: 'an admin edit of the settings page: a rename, a delete and a create at once',
        setup: async (w) => {
            await customStatuses(w);
            w.appSettings.custom_statuses = 'Lunch break: away\nTravel: offline';
        },
        background: true,
        run: async (w) => (await applySettingsEdit(w.env(), 'Lunch break: away\nTravel: offline', 'Focus: busy\nLunch: away'), 'ok'),
    },
    {
        name: 'the monitor turns the service off over the cap (admins messaged)',
        recurring: true,
        setup: (w) => {
            people(w);
            w.appSettings.presence_workspace_user_id = 'boss';
            w.appSettings.presence_workspace_access_token = 'token';
            w.httpHandler = () => ({ statusCode: 200, data: { current: 201, max: 200, success: true } });
        },
        background: true,
        run: async (w) => (await runPresenceMonitor(w.app() as never, w.access()), 'ok'),
    },
    {
        name: 'presence.enableBroadcast after a turn-off',
        setup: (w) => {
            people(w);
            w.putPresenceState({ enabled: false, epoch: 1, reason: 'cap', count: 201, cap: 200, at: NOW.toISOString() });
            // the admin was told of the turn-off already (the notice that rides on answers is another story)
            w.putRecord(['user:boss', 'misc:presence-notified'], { interaction: 1, notice: 1 });
            w.appSettings.presence_service_enabled = false;
            w.workspaceSettings.Presence_broadcast_disabled = true;
            w.workspaceSettings.Troubleshoot_Disable_Presence_Broadcast = true;
        },
        run: (w) => rest(w, 'presence.enableBroadcast', 'boss', {}),
    },
    {
        name: 'an admin switches the service off on the settings page',
        setup: (w) => {
            people(w);
            w.appSettings.presence_service_enabled = false;
        },
        background: true,
        run: async (w) => (await syncPresenceSwitch(w.app() as never, w.access(), 'switch', false), 'ok'),
    },
    {
        name: 'the early warning (admins messaged once)',
        recurring: true,
        setup: (w) => {
            people(w);
            w.appSettings.presence_workspace_user_id = 'boss';
            w.appSettings.presence_workspace_access_token = 'token';
            w.httpHandler = () => ({ statusCode: 200, data: { current: 170, max: 200, success: true } });
        },
        background: true,
        run: async (w) => (await runPresenceMonitor(w.app() as never, w.access()), 'ok'),
    },
    {
        name: 'the inactive notice on a user’s next interaction (once per turn-off)',
        setup: (w) => {
            people(w);
            w.putPresenceState({ enabled: false, epoch: 1, reason: 'cap', count: 201, cap: 200, at: NOW.toISOString() });
        },
        run: async (w) => ((await takeInactiveNotice(w.env(), w.users.get('u1')!)) ? 'ok' : 'none'),
    },
    {
        name: 'the direct message at login while the service is off (once per turn-off)',
        setup: (w) => {
            people(w);
            w.putPresenceState({ enabled: false, epoch: 1, reason: 'cap', count: 201, cap: 200, at: NOW.toISOString() });
        },
        background: true,
        run: async (w) => (await sendInactiveNotice(w.app() as never, w.access(), w.users.get('u1')!), 'ok'),
    },
    {
        name: '/status busy from 14:00 to 15:30 Meeting (a schedule)',
        setup: people,
        run: (w) => command(w, 'u1', 'busy from 14:00 to 15:30 Meeting'),
    },
    {
        name: "a schedule's start job",
        setup: async (w) => {
            people(w);
            await command(w, 'u1', 'busy from 14:00 to 15:30 Meeting');
            jest.setSystemTime(new Date('2026-06-10T14:00:00.000Z'));
        },
        background: true,
        run: async (w) => {
            const start = w.scheduled.find((j) => j.id === 'status-schedule-start')!;
            await runScheduleStart(start.data as never, w.env());
            return 'ok';
        },
    },
    {
        name: '/status scheduled cancel 1',
        setup: async (w) => {
            people(w);
            await command(w, 'u1', 'busy from 14:00 to 15:30 Meeting');
        },
        run: (w) => command(w, 'u1', 'scheduled cancel 1'),
    },
    {
        name: '/status hours 09:00-11:00 (outside them now: away at once)',
        setup: people,
        run: (w) => command(w, 'u1', 'hours 09:00-11:00'),
    },
    {
        name: '/status hours off (an away the app set comes back)',
        setup: async (w) => {
            people(w);
            await command(w, 'u1', 'hours 09:00-11:00');
        },
        run: (w) => command(w, 'u1', 'hours off'),
    },
    {
        name: 'a working-hours boundary job',
        setup: async (w) => {
            people(w);
            await command(w, 'u1', 'hours 12:30-17:00');
            jest.setSystemTime(new Date('2026-06-10T12:30:00.000Z'));
        },
        background: true,
        run: async (w) => {
            const boundary = w.scheduled.find((j) => j.id === 'working-hours-boundary')!;
            await runWorkingHoursBoundary(boundary.data as never, w.env());
            return 'ok';
        },
    },
];

describe('every writing path, every bridge call failed in turn', () => {
    it.each(OPERATIONS.map((operation) => [operation.name, operation] as const))('%s', async (_name, operation) => {
        const diffs: string[] = [];
        const { calls, runs } = await failEveryCall(operation, NOW, HORIZON, (diff) => diffs.push(diff));
        expect(calls).toBeGreaterThan(0);
        const wrong = runs.filter(
            (run) =>
                run.outcome === 'neither' ||
                run.leftover > 0 ||
                run.missing.length > 0 ||
                (!operation.background && run.said === 'ok' && run.outcome !== 'whole') ||
                (!operation.background && run.said !== 'ok' && run.outcome !== 'none'),
        );
        if (wrong.length > 0) {
            console.log(diffs.slice(0, 1).join('\n'));
        }
        expect(wrong).toEqual([]);
    });
});
