import { AppSetting } from '../../settings/AppSetting';
import { appSettingValue, parseBoolean } from '../../settings/readSettings';
import { SettingMirrorRepository } from '../../storage/presence/SettingMirrorRepository';
import { PresenceStateRepository } from '../../storage/presence/PresenceStateRepository';
import { PresenceAccess, PresenceApp, describeError, storeOf } from './PresenceApp';

/** A pending write older than this is taken as lost (an instance that stopped midway). */
const PENDING_TTL_MS = 30_000;
/** How long one write is watched for before the next attempt. */
const LANDING_TIMEOUT_MS = 5_000;
const LANDING_POLL_MS = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Whether what a switch job sees on the settings page is the app's own write rather than an
 * admin's wish: the value the app itself wrote last (the state it mirrors has changed since, and
 * its write is on the way), or an older value while the app's write of the other one is pending.
 * An admin's change always differs from the app's last write: the page showed that write before.
 */
export async function isOwnEcho(access: Pick<PresenceAccess, 'read' | 'persis'>, wanted: boolean, now = new Date()): Promise<boolean> {
    const mirror = await new SettingMirrorRepository(storeOf(access)).get();
    if (mirror === undefined) {
        return false;
    }
    const pending = mirror.pendingSince !== undefined && now.getTime() - Date.parse(mirror.pendingSince) < PENDING_TTL_MS;
    return mirror.value === wanted || pending;
}

let running: Promise<void> | undefined;
let again = false;

/**
 * Brings the settings page's switch in line with the stored state. The engine stores a setting
 * write later, after the app's pre-update hook, so two writes asked in a row may land in either
 * order (a turn-on's `true` after the turn-off's `false` that followed it). So: the state's value
 * is marked pending in the shared storage first (`await` this part), then written one write at a
 * time on this instance, each time the state as it is then, each watched until it is stored.
 */
export async function mirrorPresenceState(app: PresenceApp, access: Pick<PresenceAccess, 'read' | 'persis'>, value: boolean): Promise<void> {
    await new SettingMirrorRepository(storeOf(access)).save({ value, pendingSince: new Date().toISOString() });
    if (running) {
        again = true;
        return;
    }
    running = (async () => {
        do {
            again = false;
            await writeStateOnce(app, access).catch((error: unknown) =>
                app.getLogger().error(`presence: could not update the settings page: ${describeError(error)}`),
            );
        } while (again);
    })().finally(() => {
        running = undefined;
    });
}

async function writeStateOnce(app: PresenceApp, access: Pick<PresenceAccess, 'read' | 'persis'>): Promise<void> {
    const store = storeOf(access);
    const { enabled } = await new PresenceStateRepository(store).get();
    const shown = async () => parseBoolean(await appSettingValue(access.read, AppSetting.PresenceServiceEnabled), !enabled);
    if ((await shown()) !== enabled) {
        await app.getAccessors().environmentWriter.getSettings().updateValue(AppSetting.PresenceServiceEnabled, enabled);
        const deadline = Date.now() + LANDING_TIMEOUT_MS;
        while ((await shown()) !== enabled && Date.now() < deadline) {
            await sleep(LANDING_POLL_MS);
        }
    }
    const mirrors = new SettingMirrorRepository(store);
    const mirror = await mirrors.get();
    if (mirror?.value === enabled && (await shown()) === enabled) {
        await mirrors.save({ value: enabled });
    }
}

/** Waits for this instance's writes of the switch (tests, and a clean stop). */
export async function settledMirror(): Promise<void> {
    while (running) {
        await running;
    }
}
