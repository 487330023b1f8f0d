/*
 * The failure-injection harness: one operation of the app (a REST call, a command, a job, a
 * settings-page save), run on a fresh world once without failure and then once per bridge call it
 * makes, with that call failing (reads included). After each run, the recovery pass and every job
 * that falls due; the end state must be the whole change or none of it, and the answer must say
 * which. Runs are deterministic (time frozen, a seeded random), so that two runs that did the same
 * can be compared record for record.
 */
import { IHttp, IModify, IPersistence } from '@rocket.chat/apps-engine/definition/accessors';
import { IJobContext, IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';

import { presenceProcessors } from '../../src/jobs/PresenceMonitorJob';
import { statusExpiryProcessors } from '../../src/jobs/StatusExpiryJob';
import { userStatusProcessors } from '../../src/jobs/UserStatusJobs';
import { customStatusSyncProcessor } from '../../src/listeners/CustomStatusSettingsListener';
import { recoverChanges } from '../../src/services/change/recovery';
import { FakeWorld } from './world';

/** What the answer of an operation said happened: `ok`, `none` ("nothing was changed"), `undoing` (what it began is being undone). */
export type Said = 'ok' | 'none' | 'undoing';

export interface Operation {
    name: string;
    /** the world before: users, records, settings */
    setup(world: FakeWorld): Promise<void> | void;
    /** the operation, answering what it said (a throw, as the engine's wrappers answer it: nothing was changed) */
    run(world: FakeWorld): Promise<Said>;
    /** a job that no user waits for: its end state may be whole or none whatever it "said" (the next run or the sweep finishes it) */
    background?: boolean;
    /** the world before has a record whose job was lost on purpose (what the sweep is for) */
    lostJob?: boolean;
    /** a recurring job: a run that failed midway is followed by its next run, which must finish the work */
    recurring?: boolean;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function seeded(seed: number): () => number {
    let a = seed;
    return () => {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function processorsOf(world: FakeWorld): IProcessor[] {
    const app = world.app();
    return [...statusExpiryProcessors(app), ...userStatusProcessors(app), ...presenceProcessors(app as never), customStatusSyncProcessor(app)];
}

/** The recovery pass (three rounds: a recovery may leave a follow-up for the next). */
export async function recover(world: FakeWorld): Promise<void> {
    for (let round = 0; round < 3; round++) {
        await recoverChanges(world.env());
    }
}

/** Every one-time job up to `horizon`, at its time, until none is left (jobs may arm others), each followed by a recovery. */
export async function runDueJobs(world: FakeWorld, horizon: Date): Promise<void> {
    const processors = processorsOf(world);
    const env = world.env();
    for (let runs = 0; runs < 200; runs++) {
        const due = world.scheduled
            .map((job, index) => ({ job, index, at: new Date(job.when as Date).getTime() }))
            .filter((entry) => entry.at <= horizon.getTime())
            .sort((a, b) => a.at - b.at)[0];
        if (!due) {
            break;
        }
        world.scheduled.splice(due.index, 1);
        const processor = processors.find((p) => p.id === due.job.id);
        if (processor) {
            jest.setSystemTime(Math.max(Date.now(), due.at));
            await processor.processor(
                { ...(due.job.data ?? {}) } as IJobContext,
                world.read(),
                world.modify() as IModify,
                world.http() as IHttp,
                world.persistence() as IPersistence,
            );
        }
        await recoverChanges(env);
    }
}

/** Fields and association keys whose values are drawn at random (a retry draws others): compared as placeholders. */
const DRAWN_FIELDS = new Set(['_id', 'id', 'token', 'rev']);
const DRAWN_KEY = /^(misc:(?:audit:id|custom-user-status:id|custom-user-status:rev|status-schedule|status-expiry-due-token)):.*$/;

function normalized(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(normalized);
    }
    if (value && typeof value === 'object') {
        return Object.fromEntries(
            Object.entries(value).map(([key, inner]) => [key, DRAWN_FIELDS.has(key) && typeof inner === 'string' ? '<drawn>' : normalized(inner)]),
        );
    }
    return value;
}

/**
 * The invariants between records and jobs: every pending expiry, schedule and working hours has
 * its job armed (a job for a removed record does nothing, see the jobs; it is not looked for).
 */
export function missingJobs(world: FakeWorld): string[] {
    const armed = (id: string, matches: (data: Record<string, unknown>) => boolean) =>
        world.scheduled.some((job) => job.id === id && matches((job.data ?? {}) as Record<string, unknown>));
    const missing: string[] = [];
    for (const record of world.recordsWith('misc:status-expiry') as Array<{ userId: string; token: string }>) {
        if (!armed('status-expiry', (d) => d.token === record.token)) missing.push(`expiry of ${record.userId}`);
    }
    for (const record of world.recordsWith('misc:status-schedule') as Array<{ id: string }>) {
        if (!armed('status-schedule-start', (d) => d.scheduleId === record.id)) missing.push(`schedule ${record.id}`);
    }
    for (const record of world.recordsWith('misc:working-hours') as Array<{ userId: string; token: string }>) {
        if (!armed('working-hours-boundary', (d) => d.token === record.token)) missing.push(`working hours of ${record.userId}`);
    }
    return missing;
}

/** The world as a user or admin would see it: users' statuses, the app's records, the settings, the messages. */
export function snapshot(world: FakeWorld): string {
    const users = [...world.users.values()].map((u) => `${u.id}:${u.status}:${u.statusText ?? ''}`).sort();
    // the app's bookkeeping, not what a user sees: changes under way, notes of messages sent, the mirrors' journals,
    // the instances' observations, and the expiries' due entries (an entry whose expiry is gone is harmless)
    const bookkeeping = [
        'misc:change',
        'misc:message-sent',
        'misc:setting-journal',
        'misc:setting-edits',
        'misc:presence-count-instance',
        'misc:status-expiry-due',
    ];
    const records = world.store
        .filter((s) => !bookkeeping.some((k) => s.keys.has(k)) && ![...s.keys].some((k) => k.startsWith('misc:change-takeover')))
        .map((s) => JSON.stringify([[...s.keys].map((k) => k.replace(DRAWN_KEY, '$1:<drawn>')).sort(), normalized(s.data)]))
        .sort();
    const messages = [...new Set(world.messages.map((m) => `${world.rooms.get(m.room)?.usernames.join(',')}|${m.text}`))].sort();
    const settings = JSON.stringify({ app: world.appSettings, server: world.serverSettings });
    return JSON.stringify({ users, records, messages, settings }, null, 1);
}

export interface HarnessRun {
    k: number;
    said: Said;
    outcome: 'whole' | 'none' | 'neither';
    call?: string;
    /** changes still under way after the recovery */
    leftover: number;
    /** records whose job is not armed */
    missing: string[];
}

/** Runs the operation with no failure, then with its k-th call failing for every k; answers each run. */
export async function failEveryCall(
    operation: Operation,
    now: Date,
    horizon: Date,
    log?: (diff: string) => void,
): Promise<{ calls: number; runs: HarnessRun[] }> {
    const fresh = async (): Promise<FakeWorld> => {
        jest.setSystemTime(now);
        jest.spyOn(Math, 'random').mockImplementation(seeded(42));
        const world = new FakeWorld();
        await operation.setup(world);
        world.calls = [];
        return world;
    };
    /** the state right after the recovery, and after the jobs that fall due */
    const settle = async (world: FakeWorld): Promise<[string, string]> => {
        await recover(world);
        const now = snapshot(world);
        await runDueJobs(world, horizon);
        return [now, snapshot(world)];
    };
    const none = await fresh();
    const expectedNone = await settle(none);

    const attempt = (world: FakeWorld): Promise<Said> => operation.run(world).catch((): Said => 'none');
    const clean = await fresh();
    const said = await attempt(clean);
    const calls = clean.calls.length;
    const expectedWhole = await settle(clean);
    if (said !== 'ok') {
        throw new Error(`${operation.name}: without any failure it answered ${said}`);
    }

    const runs: HarnessRun[] = [];
    for (let k = 1; k <= calls; k++) {
        const world = await fresh();
        world.failAtCall = k;
        const answer = await attempt(world);
        const call = world.calls[k - 1];
        world.failAtCall = 0;
        if (operation.recurring) {
            await attempt(world);
        }
        const [right, after] = await settle(world);
        const same = (expected: [string, string]) => right === expected[0] && after === expected[1];
        // a change whose jobs undo it by the horizon ends as if it never was: told apart by the state right after
        const outcome = same(expectedWhole) && (answer === 'ok' || !same(expectedNone)) ? 'whole' : same(expectedNone) ? 'none' : 'neither';
        if (outcome === 'neither' && log) {
            log(
                `--- ${operation.name}, call ${k} (${call}) failed, answered ${answer}:\nexpected none:\n${expectedNone.join('\nthen\n')}\nexpected whole:\n${expectedWhole.join('\nthen\n')}\ngot:\n${right}\nthen\n${after}`,
            );
        }
        runs.push({ k, said: answer, outcome, call, leftover: world.recordsWith('misc:change').length, missing: operation.lostJob ? [] : missingJobs(world) });
    }
    return { calls, runs };
}
