import { ChangeIntent } from '../core/change/Change';
import { JobId } from '../core/jobIds';
import { serializeCustomStatuses } from '../core/customStatus/settingsText';
import { AppSetting } from '../settings/AppSetting';
import { appSettingValue } from '../settings/readSettings';
import { ChangeRepository } from '../storage/ChangeRepository';
import { CustomStatusRepository } from '../storage/CustomStatusRepository';
import { PresenceStateRepository } from '../storage/presence/PresenceStateRepository';
import { RecordStore } from '../storage/records';
import { SettingJournalRepository } from '../storage/SettingJournalRepository';
import { ChangeEnv, clockOf, storeOfEnv } from './change/ChangeEnv';
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

async function waitUntilShown(env: ChangeEnv, settingId: string, value: unknown): Promise<boolean> {
    const now = clockOf(env);
    const deadline = now() + LANDING_TIMEOUT_MS;
    for (;;) {
        if (sameValue(await appSettingValue(env.read, settingId), value)) {
            return true;
        }
        if (now() >= deadline) {
            return false;
        }
        await sleep(LANDING_POLL_MS);
    }
}

/** Whether a change other than `within` holds the setting's subject (a write of the app is on its way). */
export async function mirrorInFlight(store: RecordStore, settingId: string, within?: string): Promise<boolean> {
    return (await new ChangeRepository(store).holding(mirrorSubject(settingId))).some((holder) => holder.id !== within);
}

/**
 * Brings a mirrored setting in line with what the app stores (with `note`, a line above the custom
 * statuses: why an admin's edit was refused). Idempotent: run again after a failure, by the change
 * it follows or by a recovery. `within` is the change that holds the setting's subject already.
 * Throws when the write cannot be made or seen stored, so that it is tried again.
 */
export async function mirrorSetting(env: ChangeEnv, settingId: string, options: { within?: string; note?: string } = {}): Promise<void> {
    const store = storeOfEnv(env);
    const held = options.within !== undefined && (await new ChangeRepository(store).get(options.within))?.subjects.includes(mirrorSubject(settingId));
    if (held) {
        return writeMirror(env, store, settingId, options.note);
    }
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

async function writeMirror(env: ChangeEnv, store: RecordStore, settingId: string, note: string | undefined): Promise<void> {
    const journals = new SettingJournalRepository(store);
    const [stored, shown, journal] = await Promise.all([storedValueOf(store, settingId), appSettingValue(env.read, settingId), journals.get(settingId)]);
    const wanted = note !== undefined && typeof stored === 'string' ? [note, stored].filter((part) => part !== '').join('\n') : stored;
    if (!sameValue(shown, wanted)) {
        await env.app.getAccessors().environmentWriter.getSettings().updateValue(settingId, wanted);
        if (!(await waitUntilShown(env, settingId, wanted))) {
            throw new Error(`the write of the setting ${settingId} was not seen stored`);
        }
    }
    if (!journal || !sameValue(journal.landed, wanted)) {
        await journals.save({ settingId, landed: wanted });
    }
}

/**
 * Whether the stored value is an admin's edit: it differs from the app's own last write, and no
 * write of the app is on its way. `journalDefault` stands for the journal before the app's first write.
 */
export async function isAdminEdit(env: Pick<ChangeEnv, 'read' | 'persis'>, settingId: string, value: unknown, within?: string): Promise<boolean> {
    const store = storeOfEnv(env);
    const [journal, inFlight] = await Promise.all([new SettingJournalRepository(store).get(settingId), mirrorInFlight(store, settingId, within)]);
    if (inFlight) {
        return false;
    }
    const landed = journal ? journal.landed : await storedValueOf(store, settingId);
    return !sameValue(value, landed);
}

/** After a write of the app: an edit that landed meanwhile (its own sync saw the write on its way and waited) is taken up now. */
async function syncIfEdited(env: ChangeEnv, settingId: string): Promise<void> {
    const value = await appSettingValue(env.read, settingId);
    if (await isAdminEdit(env, settingId, value)) {
        await env.modify.getScheduler().scheduleOnce({ id: syncJobOf(settingId), when: new Date(clockOf(env)()), data: { setting: settingId } });
    }
}

export const syncJobOf = (settingId: string): JobId => (settingId === AppSetting.CustomStatuses ? JobId.CustomStatusSync : JobId.PresenceSwitch);
