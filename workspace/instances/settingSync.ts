import type { AppManager } from '@rocket.chat/apps-engine/server/AppManager';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import type { ClusterBus } from './ClusterBus';
import type { SeqLog } from '../diagnostics/SeqLog';

/** One run of an app's setting hooks on one instance, for the local diagnostic `GET /api/workspace/settingHooks`. */
export interface SettingHookRun {
    instance: number;
    appId: string;
    settingId: string;
    /** The value stored after the hooks (what `onPreSettingUpdate` returned). */
    value: unknown;
}

/**
 * Rocket.Chat's AppsEngineService on `apps.settingUpdated` (server/services/apps-engine/service.ts):
 * every instance, the sending one too, compares the value with its own copy of the app's setting
 * (JSON, as settings may be arrays) and does nothing when it is the same; otherwise it runs the
 * engine's `updateAppSetting` on its own manager: `onPreSettingUpdate`, the setting stored again,
 * `apps.settingUpdated` broadcast again (which every instance then finds unchanged), `onSettingUpdated`.
 */
export function applySettingsFromCluster(bus: ClusterBus, manager: AppManager): void {
    bus.on('apps.settingUpdated', async ({ appId, setting }) => {
        const app = manager.getOneById(appId);
        if (!app) return;
        const current = app.getStorageItem().settings[setting.id]?.value;
        if (JSON.stringify(current) === JSON.stringify(setting.value)) return;
        await manager.getSettingsManager().updateAppSetting(appId, setting);
    });
}

/**
 * Records each `updateAppSetting` that ran on this instance's manager (both hooks ran), whoever
 * called it: the admin's settings endpoint, the app's own `environmentWriter` updater, or the
 * cluster handler above.
 */
export function recordSettingHooks(manager: AppManager, instance: number, log: SeqLog<SettingHookRun>): void {
    const settings = manager.getSettingsManager();
    const update = settings.updateAppSetting.bind(settings);
    settings.updateAppSetting = async (appId: string, setting: ISetting): Promise<void> => {
        await update(appId, setting);
        const stored = manager.getOneById(appId)?.getStorageItem().settings[setting.id];
        log.record({ instance, appId, settingId: setting.id, value: stored ? stored.value : setting.value });
    };
}
