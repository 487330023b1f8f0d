import { ChangeIntent } from '../core/change/Change';
import { JobId } from '../core/jobIds';
import { serializeCustomStatuses } from '../core/customStatus/settingsText';
import { AppSetting } from '../settings/AppSetting';
import { appSettingValue } from '../settings/readSettings';
import { ChangeRepository } from '../storage/ChangeRepository';
import { CustomStatusRepository } from '../storage/CustomStatusRepository';
import { PresenceStateRepository } from '../storage/presence/PresenceStateRepository';
import { RecordStore } from '../storage/records';
import { Step } from '../core/change/Change';
import { SettingEdits, SettingJournal, SettingJournalRepository, VALUES_REMEMBERED } from '../storage/SettingJournalRepository';
import { ChangeEnv, clockOf, modifyOf, storeOfEnv } from './change/ChangeEnv';
import { PROCESS_ID, runningHere } from './change/processState';
import { takeSubjects } from './change/subjectLock';

/**
 * The app keeps two settings of the Apps settings page in step with what it stores: the custom
 * statuses (`custom_statuses`, one `name: presence` a line) and the presence switch
 * (`presence_service_enabled`). The engine stores a setting write later, and every instance runs
 * the setting hooks for every write, the app's own included; so:
 *
 * - the app writes a mirrored setting one write at a time for the whole cluster (it holds the
 *   subject `setting:<id>` from its write until it sees it stored), and notes the value it saw
 *   stored as its own (the setting's journal);
 * - a stored value that differs from that note, while no write of the app is on its way, is an
 *   admin's edit; one that equals it is the app's own. A write of the app that lands late can no
 *   longer be taken for an admin's: the next write waits for it.
 */
export type MirroredSetting = AppSetting.CustomStatuses | AppSetting.PresenceServiceEnabled;

export const mirrorSubject = (settingId: string): string => `setting:${settingId}`;

const LANDING_TIMEOUT_MS = 5_000;
const LANDING_POLL_MS = 50;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What the settings page should show, from what the app stores. */
export async function storedValueOf(store: RecordStore, settingId: string): Promise<unknown> {
    switch (settingId) {
        case AppSetting.CustomStatuses:
            return serializeCustomStatuses(await new CustomStatusRepository(store).all());
        case AppSetting.PresenceServiceEnabled:
            return (await new PresenceStateRepository(store).get()).enabled;
        default:
            throw new Error(`the setting ${settingId} is not mirrored`);
    }
}

/** Whether a write of the app is on its way (something holds the setting's subject). */
export async function mirrorInFlight(store: RecordStore, settingId: string): Promise<boolean> {
    return (await new ChangeRepository(store).holding(mirrorSubject(settingId))).length > 0;
}

/**
 * Brings a mirrored setting in line with what the app stores (with `note`, a line above the custom
 * statuses: why an admin's edit was refused). Idempotent: run again after a failure, by the change
 * it follows or by a recovery. Throws when the write cannot be made or seen stored, so that it is
 * tried again.
 */
export async function mirrorSetting(env: ChangeEnv, settingId: string, options: { note?: string } = {}): Promise<void> {
    const store = storeOfEnv(env);
    const lock: ChangeIntent = {
        id: `mirror-${Math.random().toString(36).slice(2, 12)}`,
        kind: 'mirror',
        subjects: [mirrorSubject(settingId)],
        owner: PROCESS_ID,
        steps: [],
        followUps: [],
        committed: false,
    };
    await runningHere(lock.id, async () => {
        if ((await takeSubjects(env, lock)) === 'busy') {
            throw new Error(`another write of the setting ${settingId} is on its way`);
        }
        try {
            await writeMirror(env, store, settingId, options.note);
        } finally {
            await new ChangeRepository(store).remove(lock.id);
        }
    });
    await syncIfEdited(env, settingId);
}

/** Waits (a few seconds at most) until this instance's copy of the setting shows one of `values`; answers what it shows then. */
async function waitForCopy(env: ChangeEnv, settingId: string, values: unknown[]): Promise<unknown> {
    const now = clockOf(env);
    const deadline = now() + LANDING_TIMEOUT_MS;
    for (;;) {
        const shown = await appSettingValue(env.read, settingId);
        if (values.some((value) => sameValue(shown, value)) || now() >= deadline) {
            return shown;
        }
        await sleep(LANDING_POLL_MS);
    }
}

/**
 * The values a stored setting may show that are not an admin's edit still to apply: the app's last
 * write seen stored, the value it is about to write, and the last edit taken in; for a text (where
 * values rarely repeat), also the app's latest writes and the latest edits taken in. A switch
 * (true or false) is told by its last values only: any older write of it would match any value.
 */
export function knownValues(settingId: string, journal: SettingJournal | undefined, edits: SettingEdits | undefined, wanted?: unknown): unknown[] {
    const text = settingId === AppSetting.CustomStatuses;
    const taken = edits?.taken ?? [];
    return [
        ...(journal ? [journal.landed] : []),
        ...(wanted !== undefined ? [wanted] : []),
        ...taken.slice(-1),
        ...(text ? [...(journal?.written ?? []), ...taken] : []),
    ];
}

export const isKnownValue = (value: unknown, known: unknown[]): boolean => known.some((one) => sameValue(value, one));

/** The step that notes an admin's edit as taken in (applied or refused), in the change that does it. */
export function editTakenStep(settingId: string, value: unknown, edits: SettingEdits | undefined): Step {
    return {
        t: 'put',
        assoc: SettingJournalRepository.editsAssociations(settingId),
        value: { settingId, taken: [...(edits?.taken ?? []), value].slice(-VALUES_REMEMBERED) },
        prev: edits ?? null,
    };
}

/**
 * One write of the mirror, the subject held. This instance's copy must first show the app's last
 * write (another instance's write reaches it a moment later): writing before it does could let
 * that older write be stored again after this one. A copy that shows an unknown value is an
 * admin's edit not applied yet: its sync is asked for, and the write waits for a later run.
 */
async function writeMirror(env: ChangeEnv, store: RecordStore, settingId: string, note: string | undefined): Promise<void> {
    const journals = new SettingJournalRepository(store);
    const [stored, found, edits] = await Promise.all([storedValueOf(store, settingId), journals.get(settingId), journals.edits(settingId)]);
    let journal = found;
    const wanted = note !== undefined && typeof stored === 'string' ? [note, stored].filter((part) => part !== '').join('\n') : stored;
    const known = knownValues(settingId, journal, edits, wanted);
    // before the app's first write, there is no last write to wait for
    const shown = journal ? await waitForCopy(env, settingId, known) : await appSettingValue(env.read, settingId);
    if (journal && !isKnownValue(shown, known)) {
        await requestSync(env, settingId, shown);
        throw new Error(`an edit of the setting ${settingId} waits to be applied`);
    }
    if (!sameValue(shown, wanted)) {
        // noted as the app's own before it is written: its hooks, on any instance, know it
        const written = [...(journal?.written ?? []), wanted].slice(-VALUES_REMEMBERED);
        journal = { settingId, landed: journal ? journal.landed : shown, written };
        await journals.save(journal);
        await env.app.getAccessors().environmentWriter.getSettings().updateValue(settingId, wanted);
        if (!sameValue(await waitForCopy(env, settingId, [wanted]), wanted)) {
            throw new Error(`the write of the setting ${settingId} was not seen stored`);
        }
    }
    if (!journal || !sameValue(journal.landed, wanted)) {
        await journals.save({ settingId, landed: wanted, written: journal?.written ?? [wanted] });
    }
}

/** Asks for the sync of a setting: the job that applies the value an admin saved (see the settings listeners). */
export async function requestSync(env: ChangeEnv, settingId: string, value: unknown): Promise<void> {
    await modifyOf(env)
        .getScheduler()
        .scheduleOnce({ id: syncJobOf(settingId), when: new Date(clockOf(env)()), data: { setting: settingId, value } });
}

/** After a write of the app: an edit that landed meanwhile (its own sync saw the write on its way and waited) is taken up now. */
async function syncIfEdited(env: ChangeEnv, settingId: string): Promise<void> {
    const journals = new SettingJournalRepository(storeOfEnv(env));
    const [shown, journal, edits] = await Promise.all([appSettingValue(env.read, settingId), journals.get(settingId), journals.edits(settingId)]);
    if (journal && !isKnownValue(shown, knownValues(settingId, journal, edits))) {
        await requestSync(env, settingId, shown);
    }
}

export const syncJobOf = (settingId: string): JobId => (settingId === AppSetting.CustomStatuses ? JobId.CustomStatusSync : JobId.PresenceSwitch);
