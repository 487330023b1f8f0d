/*
 * The engine's settings flow over a FakeWorld, as the app sees it: a save (an admin's, or the app's
 * own write of a mirrored setting) runs the pre-update hook, is stored, then runs the updated hook,
 * which schedules the jobs that apply it; `runJobs` runs the queued one-time jobs of the settings
 * (the custom statuses sync, the presence switch) as the scheduler would, until none is left.
 */
import { IConfigurationModify } from '@rocket.chat/apps-engine/definition/accessors';
import { IJobContext } from '@rocket.chat/apps-engine/definition/scheduler';
import { ISetting, SettingType } from '@rocket.chat/apps-engine/definition/settings';

import { customStatusSyncProcessor } from '../../src/listeners/CustomStatusSettingsListener';
import { presenceProcessors } from '../../src/jobs/PresenceMonitorJob';
import { preSettingUpdate, settingUpdated } from '../../src/listeners/SettingHooks';
import { APP_SETTINGS } from '../../src/settings/AppSetting';
import { FakeWorld } from './world';

const asSetting = (id: string, value: unknown): ISetting => ({
    ...(APP_SETTINGS.find((setting) => setting.id === id) ?? { id, type: SettingType.STRING, packageValue: '', required: false, public: false, i18nLabel: id }),
    value,
});

export function settingsFlow(world: FakeWorld) {
    const app = world.app();
    const configurationModify = { scheduler: world.modify().getScheduler() } as unknown as IConfigurationModify;
    const processors = [customStatusSyncProcessor(app), ...presenceProcessors(app as never)];
    const settingJobs = new Set(processors.map((p) => p.id));

    /** An admin saves a setting: answers what was stored. */
    const save = async (id: string, value: unknown): Promise<unknown> => {
        const decided = await preSettingUpdate(
            app,
            { oldSetting: asSetting(id, world.appSettings[id]), newSetting: asSetting(id, value) },
            configurationModify,
            world.read(),
        );
        world.appSettings[id] = decided.value;
        await settingUpdated(app, asSetting(id, decided.value), configurationModify, world.read());
        return decided.value;
    };

    // the app's own writes run the hooks too (the engine stores what the pre-update hook answers)
    world.onAppSettingStored = (id, value, previous) => {
        void preSettingUpdate(app, { oldSetting: asSetting(id, previous), newSetting: asSetting(id, value) }, configurationModify, world.read()).then(() =>
            settingUpdated(app, asSetting(id, value), configurationModify, world.read()),
        );
    };

    /** Runs the queued jobs of the settings flow until none is left (at most `limit` runs). */
    const runJobs = async (limit = 50): Promise<number> => {
        let runs = 0;
        for (;;) {
            const index = world.scheduled.findIndex((job) => settingJobs.has(job.id));
            if (index < 0 || runs >= limit) {
                return runs;
            }
            const [job] = world.scheduled.splice(index, 1);
            const processor = processors.find((p) => p.id === job.id)!;
            await processor.processor({ ...(job.data ?? {}) } as IJobContext, world.read(), world.modify(), world.http(), world.persistence());
            runs++;
        }
    };
    return { save, runJobs, app };
}
