import type { Settings } from './Settings';
import type { Presence } from './Presence';

const SETTING = 'Troubleshoot_Disable_Presence_Broadcast';

/**
 * Rocket.Chat's apps/meteor/server/startup/presence.ts (presenceTroubleshoot.ts in older 7.x): on every
 * server instance, `settings.watch` on the troubleshooting setting calls that instance's
 * `Presence.toggleBroadcast(!value)` with the cached value at start and on every change the instance's
 * settings cache takes (debounced; an equal value is dropped), and ignores its errors (so above the
 * cap the change does nothing to broadcast).
 */
export function watchPresenceTroubleshoot(settings: Settings, presence: Presence, instances: number): void {
    for (let instance = 0; instance < instances; instance++) {
        settings.instanceCache(instance).watch(SETTING, (value) => {
            void presence.toggleBroadcast(value !== true, instance).catch(() => undefined);
        });
    }
}
