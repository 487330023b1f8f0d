import type { Settings } from './Settings';
import type { Presence } from './Presence';

const SETTING = 'Troubleshoot_Disable_Presence_Broadcast';

/**
 * Rocket.Chat's apps/meteor/server/startup/presenceTroubleshoot.ts: `settings.watch` on the
 * troubleshooting setting calls `Presence.toggleBroadcast(!value)` with the current value at start and
 * on every change, and ignores its errors (so above the cap the change does nothing to broadcast).
 */
export async function watchPresenceTroubleshoot(settings: Settings, presence: Presence): Promise<void> {
    const apply = (value: unknown) => presence.toggleBroadcast(value !== true).catch(() => undefined);
    settings.onChange((setting) => {
        if (setting._id === SETTING) void apply(setting.value);
    });
    await apply(settings.value(SETTING));
}
