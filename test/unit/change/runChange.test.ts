/**
 * The one mechanism for changes that take more than one write: whole or none after any single
 * failed call and after a writer that died, one change per subject across instances, recovery by
 * one process's own clock.
 */
import type * as Runner from '../../../src/services/change/runChange';
import type * as Recovery from '../../../src/services/change/recovery';
import type * as ProcessState from '../../../src/services/change/processState';
import { ChangeEnv } from '../../../src/services/change/ChangeEnv';
import { runChange } from '../../../src/services/change/runChange';
import { recoverChanges } from '../../../src/services/change/recovery';
import { STALE_MS } from '../../../src/services/change/processState';
import { Step } from '../../../src/core/change/Change';
import { FakeWorld, makeUser } from '../../doubles/world';

const envOf = (world: FakeWorld, now?: () => number): ChangeEnv => ({
    app: world.app(),
    read: world.read(),
    modify: world.modify(),
    persis: world.persistence(),
    http: world.http(),
    ...(now ? { now } : {}),
});

const put = (name: string, value: object, prev: object | null = null): Step => ({ t: 'put', assoc: ['misc:thing', `misc:thing:${name}`], value, prev });
const things = (world: FakeWorld) =>
    world
        .recordsWith('misc:thing')
        .map((r) => JSON.stringify(r))
        .sort();
const intents = (world: FakeWorld) => world.recordsWith('misc:change');

/** One copy of the mechanism per instance (its own process state). */
function instance(): { runner: typeof Runner; recovery: typeof Recovery; state: typeof ProcessState } {
    let copy: { runner: typeof Runner; recovery: typeof Recovery; state: typeof ProcessState } | undefined;
    jest.isolateModules(() => {
        copy = {
            runner: jest.requireActual('../../../src/services/change/runChange'),
            recovery: jest.requireActual('../../../src/services/change/recovery'),
            state: jest.requireActual('../../../src/services/change/processState'),
        };
    });
    return copy!;
}

describe('a change of several writes', () => {
    const threeWrites = (world: FakeWorld) =>
        runChange(envOf(world), {
            kind: 'test',
            plan: async () => ({
                steps: [
                    put('a', { v: 1 }),
                    put('b', { v: 2 }, { v: 0 }),
                    { t: 'status', userId: 'u1', before: { status: 'online', text: '' }, after: { status: 'busy', text: 'x' } },
                ],
                answer: 'ok',
            }),
        });
    const setUp = () => {
        const world = new FakeWorld();
        world.addUser(makeUser('u1'));
        world.store.push({ id: 'seed', data: { v: 0 }, keys: new Set(['misc:thing', 'misc:thing:b']) });
        return world;
    };

    it('is whole and leaves no change behind', async () => {
        const world = setUp();
        expect(await threeWrites(world)).toEqual({ kind: 'done', answer: 'ok', pending: false });
        expect(things(world)).toEqual(['{"v":1}', '{"v":2}']);
        expect(world.users.get('u1')).toMatchObject({ status: 'busy', statusText: 'x' });
        expect(intents(world)).toEqual([]);
    });

    it('is whole or none after each of its calls fails in turn, and the answer says which', async () => {
        const clean = setUp();
        await threeWrites(clean);
        const total = clean.calls.length;
        expect(total).toBeGreaterThanOrEqual(5);
        for (let k = 1; k <= total; k++) {
            const world = setUp();
            world.failAtCall = k;
            const outcome = await threeWrites(world);
            world.failAtCall = 0;
            await recoverChanges(envOf(world));
            const whole = things(world).join() === '{"v":1},{"v":2}' && world.users.get('u1')?.status === 'busy';
            const none = things(world).join() === '{"v":0}' && world.users.get('u1')?.status === 'online';
            expect({ k, whole, none, outcome: outcome.kind }).toEqual({
                k,
                whole: outcome.kind === 'done',
                none: outcome.kind !== 'done',
                outcome: outcome.kind,
            });
            expect(intents(world)).toEqual([]);
        }
    });

    it('a single write needs no stored change', async () => {
        const world = setUp();
        await runChange(envOf(world), { kind: 'test', plan: async () => ({ steps: [put('a', { v: 1 })], answer: 'ok' }) });
        expect(world.calls).toEqual(['persistence.write misc:thing misc:thing:a']);
    });

    it('a refusal writes nothing', async () => {
        const world = setUp();
        expect(await runChange(envOf(world), { kind: 'test', plan: async () => ({ refuse: 'no' }) })).toEqual({ kind: 'refused', answer: 'no' });
        expect(world.calls).toEqual([]);
    });

    it('a writer past its lease stops and undoes what it wrote', async () => {
        const world = setUp();
        let clock = 0;
        const persis = world.persistence();
        // each write of a thing takes 10 s by the writer's clock: the second step would start past the 15 s lease
        const slow = {
            ...persis,
            updateByAssociations: async (...args: Parameters<typeof persis.updateByAssociations>) => ((clock += 10_000), persis.updateByAssociations(...args)),
        };
        const env = { ...envOf(world, () => clock), persis: slow };
        const outcome = await runChange(env, {
            kind: 'test',
            plan: async () => ({ steps: [put('a', { v: 1 }), put('x', { v: 1 }), put('b', { v: 2 }, { v: 0 })], answer: 'ok' }),
        });
        expect(outcome).toMatchObject({ kind: 'failed', undone: true });
        expect(things(world)).toEqual(['{"v":0}']);
        expect(intents(world)).toEqual([]);
    });
});

describe('follow-ups', () => {
    it('run after the commit; one that fails keeps the change, and the recovery runs it again', async () => {
        const world = new FakeWorld();
        world.addUser(makeUser('boss', { roles: ['admin'] }));
        world.store.push({ id: 'admin', data: { userId: 'boss', username: 'boss' }, keys: new Set(['user:boss', 'misc:presence-admin']) });
        world.failOn('message', 1);
        const outcome = await runChange(envOf(world), {
            kind: 'test',
            plan: async () => ({
                steps: [put('a', { v: 1 })],
                followUps: [{ t: 'messageAdmins', message: { catalog: 'presence', key: 'inactive_notice_admin' } }],
                answer: 'ok',
            }),
        });
        expect(outcome).toEqual({ kind: 'done', answer: 'ok', pending: true });
        expect(world.messages).toEqual([]);
        expect(intents(world)).toHaveLength(1);
        expect(await recoverChanges(envOf(world))).toMatchObject({ finished: 1 });
        expect(world.messages).toHaveLength(1);
        expect(intents(world)).toEqual([]);
        await recoverChanges(envOf(world));
        expect(world.messages).toHaveLength(1);
    });
});

describe('across instances', () => {
    it('two changes of one subject on two instances run one after the other', async () => {
        const [a, b] = [instance(), instance()];
        for (let round = 0; round < 10; round++) {
            const world = new FakeWorld();
            world.jitterMs = 3;
            world.store.push({ id: 'c', data: { n: 0 }, keys: new Set(['misc:thing', 'misc:thing:counter']) });
            const increment = (copy: typeof a) =>
                copy.runner.runChange(envOf(world), {
                    kind: 'increment',
                    subjects: ['counter'],
                    plan: async () => {
                        const [current] = world.recordsWith('misc:thing:counter') as Array<{ n: number }>;
                        return { steps: [put('counter', { n: current.n + 1 }, current), put('log', { last: current.n + 1 })], answer: current.n + 1 };
                    },
                });
            const outcomes = await Promise.all([increment(a), increment(b), increment(a), increment(b)]);
            expect(outcomes.map((o) => o.kind)).toEqual(['done', 'done', 'done', 'done']);
            expect(world.recordsWith('misc:thing:counter')).toEqual([{ n: 4 }]);
            expect(intents(world)).toEqual([]);
        }
    });

    it('a change left by a writer that died is taken over only after one process watched it for a while, by its own clock', async () => {
        const survivor = instance();
        const world = new FakeWorld();
        world.store.push({ id: 'b', data: { v: 2 }, keys: new Set(['misc:thing', 'misc:thing:b']) });
        const left = {
            id: 'left',
            kind: 'test',
            subjects: [],
            owner: 'a-process-that-died',
            steps: [put('b', { v: 2 }, { v: 0 })],
            followUps: [],
            committed: false,
        };
        world.store.push({ id: 'i', data: left, keys: new Set(['misc:change', 'misc:change:left']) });
        // a clock ten minutes behind the others' does not make it look old
        let clock = -600_000;
        const env = envOf(world, () => clock);
        expect(await survivor.recovery.recoverChanges(env)).toMatchObject({ undone: 0 });
        clock += STALE_MS - 1;
        expect(await survivor.recovery.recoverChanges(env)).toMatchObject({ undone: 0 });
        expect(things(world)).toEqual(['{"v":2}']);
        clock += 2;
        expect(await survivor.recovery.recoverChanges(env)).toMatchObject({ undone: 1 });
        expect(things(world)).toEqual(['{"v":0}']);
        expect(intents(world)).toEqual([]);
    });

    it('two processes recovering one change at once: one takes it over', async () => {
        const [a, b] = [instance(), instance()];
        for (let round = 0; round < 10; round++) {
            const world = new FakeWorld();
            world.jitterMs = 3;
            world.addUser(makeUser('boss', { roles: ['admin'] }));
            world.store.push({ id: 'admin', data: { userId: 'boss', username: 'boss' }, keys: new Set(['user:boss', 'misc:presence-admin']) });
            const left = {
                id: `left${round}`,
                kind: 'test',
                subjects: [],
                owner: 'gone',
                steps: [],
                followUps: [{ t: 'messageAdmins', message: { catalog: 'presence', key: 'inactive_notice_admin' } }],
                committed: true,
            };
            world.store.push({ id: 'i', data: left, keys: new Set(['misc:change', `misc:change:left${round}`]) });
            let clock = 0;
            const env = envOf(world, () => clock);
            await Promise.all([a.recovery.recoverChanges(env), b.recovery.recoverChanges(env)]);
            clock = STALE_MS;
            await Promise.all([a.recovery.recoverChanges(env), b.recovery.recoverChanges(env)]);
            expect(world.messages).toHaveLength(1);
            expect(intents(world)).toEqual([]);
        }
    });
});
