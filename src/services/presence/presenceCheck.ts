import { RefreshThrottle } from '../../core/concurrency/RefreshThrottle';
import { isOverCap } from '../../core/presence/ConnectionCap';
import { ConnectionCount, countConnections } from './connectionCount';
import { checkEarlyWarning } from './earlyWarning';
import { recordPeak } from './history';
import { PresenceAccess, PresenceApp, describeError, storeOf } from './PresenceApp';
import { PresenceConfig, readPresenceConfig } from './presenceConfig';
import { keepServerStopped, readPresenceState, turnOff } from './presenceSwitch';
import { isServerBroadcastDisabled } from './serverPresence';

export interface CheckOptions {
    /** while the service is off, set Rocket.Chat's switches again (a restarted server resets one of them) */
    keepServerInLine?: boolean;
    /** while the service is off, read the users the estimate counts (it gets no status events then) */
    revalidateWhenOff?: boolean;
}

/**
 * Counts the connections and acts on the count: over the cap (not unlimited) the service turns
 * off at once; Rocket.Chat having stopped presence by itself is a turn-off too; at the warning
 * level admins are warned; today's peak is kept. The count never turns the service back on.
 */
export interface CheckResult {
    count: ConnectionCount;
    config: PresenceConfig;
}

export async function checkPresence(app: PresenceApp, access: PresenceAccess, options: CheckOptions = {}): Promise<CheckResult> {
    const [config, state] = await Promise.all([readPresenceConfig(access.read), readPresenceState(access)]);
    const count = await countConnections(app, access, config, { revalidate: options.revalidateWhenOff && !state.enabled });
    await recordPeak(storeOf(access), count.current, config.unlimited ? 0 : config.cap).catch((error) =>
        app.getLogger().warn(`presence: could not keep today's peak: ${describeError(error)}`),
    );
    if (state.enabled) {
        if (isOverCap(count.current, config.cap, config.unlimited)) {
            await turnOff(app, access, { reason: 'cap', count: count.current, cap: config.cap }, { source: 'cap' });
        } else if (await isServerBroadcastDisabled(access.read)) {
            await turnOff(app, access, { reason: 'server', count: count.current, cap: config.cap }, { source: 'server' });
        } else {
            await checkEarlyWarning(app, access, config, count);
        }
    } else if (options.keepServerInLine) {
        await keepServerStopped(app, access);
    }
    return { count, config };
}

/** At most one check a second per instance; a hint meanwhile is covered by one check right after. */
const throttle = new RefreshThrottle(1000);

/**
 * Something hints that the count changed (a login, a user coming online or going offline): the
 * count is read again at once, at most once a second. Never fails the caller: a failure is logged.
 */
export async function hintConnectionsChanged(app: PresenceApp, access: PresenceAccess): Promise<void> {
    try {
        await throttle.request(async () => {
            await checkPresence(app, access);
        });
    } catch (error) {
        app.getLogger().error(`presence: the connection check failed: ${describeError(error)}`);
    }
}
