/**
 * The app's Deno runtime killed in the middle of a burst of changes (the engine restarts it), on
 * one instance and on two: after the recovery pass has taken over what the dead runtime left (it
 * waits until it has watched it for a minute, by its own clock), every change is whole or absent.
 * Custom status names stay unique and the settings page shows the records; every user's status
 * is what they had or what they were given, and each temporary status still comes back.
 */
import { pollUntil } from '../helpers/poll';
import { startWorkspace, type Creds, type TestWorkspace, type WorkspaceResponse } from '../helpers/workspace';

const USERS = 12;
const CREATES = 12;

describe.each([1, 2])('the app runtime killed during a burst of changes, %i instance(s)', (instances) => {
    let ws: TestWorkspace;
    let users: Creds[] = [];

    beforeAll(async () => {
        ws = await startWorkspace({ env: { INSTANCES: String(instances) } });
        users = [];
        for (let i = 0; i < USERS; i++) {
            const user = await ws.createUser(`burst${instances}x${i}`);
            expect((await ws.app('POST', 'users.setStatus', { status: 'away', message: `orig ${i}` }, user)).status).toBe(200);
            users.push(user);
        }
    }, 300_000);

    afterAll(async () => {
        await ws?.stop();
    }, 60_000);

    const statusText = async (user: Creds) =>
        (await ws.request('GET', `/api/v1/users.info?userId=${user.userId}`, undefined, ws.admin)).body.user?.statusText as string;
    const customStatuses = async () =>
        ((await ws.app('GET', 'custom-user-status.list?count=0', undefined, ws.admin)).body.statuses as Array<{ name: string; statusType: string | null }>) ??
        [];
    const settingsText = async () => {
        const res = await ws.request('GET', `/api/apps/${ws.appId}/settings`, undefined, ws.admin);
        return String(res.body.settings?.custom_statuses?.value ?? '');
    };
    const settled = (answers: Array<PromiseSettledResult<WorkspaceResponse>>) => answers.map((a) => (a.status === 'fulfilled' ? a.value.status : 0));

    it('every change is whole or absent once the recovery has run, and temporary statuses still come back', async () => {
        const inThreeHours = new Date(Date.now() + 3 * 3600_000).toISOString();
        const statusRequests = users.map((user) => ws.app('POST', 'users.setStatus', { status: 'busy', message: 'burst', expiresAt: inThreeHours }, user));
        const createRequests = Array.from({ length: CREATES }, (_, i) =>
            ws.app('POST', 'custom-user-status.create', { name: `Burst ${i}`, statusType: i % 2 ? 'busy' : 'away' }, ws.admin),
        );
        // some changes have answered, others are under way: the runtime dies
        await Promise.race([...statusRequests, ...createRequests]);
        await ws.killAppRuntime(0);
        const statusAnswers = settled(await Promise.allSettled(statusRequests));
        const createAnswers = settled(await Promise.allSettled(createRequests));

        // the recovery pass takes over what the dead runtime left once it watched it for a minute
        const consistent = async () => {
            await ws.runJobsNow('change-recovery');
            const [list, page] = await Promise.all([customStatuses(), settingsText()]);
            const names = list.map((s) => s.name);
            const pageNames = page
                .split('\n')
                .filter((line) => line.trim() !== '')
                .map((line) => line.slice(0, line.lastIndexOf(':')).trim());
            return { names, unique: new Set(names).size === names.length, mirrored: [...pageNames].sort().join('|') === [...names].sort().join('|') };
        };
        const state = await pollUntil(consistent, (s) => s.unique && s.mirrored, {
            what: 'the recovery to leave consistent custom statuses',
            timeoutMs: 180_000,
            intervalMs: 2_000,
        });
        // a create that answered success holds; none left a second record of its name
        createAnswers.forEach((status, i) => {
            if (status === 200) {
                expect(state.names).toContain(`Burst ${i}`);
            }
        });

        // each user shows what they had, or the temporary status they were given (and told so)
        const texts = await Promise.all(users.map(statusText));
        texts.forEach((text, i) => {
            expect([`orig ${i}`, 'burst']).toContain(text);
            if (statusAnswers[i] === 200) {
                expect(text).toBe('burst');
            }
        });
        // ... and every temporary status comes back when its time comes (no status without its expiry):
        // a status change the dead runtime left is undone by the recovery once it has watched it for a
        // minute (which need not have happened yet: the custom statuses may have been consistent at once),
        // a whole one is restored by its expiry job
        await pollUntil(
            async () => {
                await ws.runJobsNow('change-recovery');
                await ws.runJobsNow('status-expiry');
                return Promise.all(users.map(statusText));
            },
            (now) => now.every((text, i) => text === `orig ${i}`),
            { what: 'every temporary status to come back', timeoutMs: 180_000, intervalMs: 2_000 },
        );
    }, 540_000);
});
