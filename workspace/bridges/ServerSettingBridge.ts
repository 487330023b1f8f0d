import { ServerSettingBridge } from '@rocket.chat/apps-engine/server/bridges/ServerSettingBridge';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import type { HostContext } from '../engine/HostContext';
import { settingToApp } from '../engine/converters';

/** Workspace settings, readable and (non-secret ones) writable by apps, as in Rocket.Chat. */
export class WorkspaceServerSettingBridge extends ServerSettingBridge {
    constructor(private readonly ctx: HostContext) {
        super();
    }

    protected async getAll(): Promise<ISetting[]> {
        return this.ctx.settings
            .all()
            .filter((s) => !s.secret)
            .map(settingToApp);
    }

    protected async getOneById(id: string): Promise<ISetting> {
        const setting = this.ctx.settings.get(id);
        if (!setting || setting.secret) {
            throw new Error(`The setting "${id}" is not readable.`);
        }
        return settingToApp(setting);
    }

    protected async hideGroup(): Promise<void> {
        throw new Error('hideGroup is not supported by the local workspace');
    }

    protected async hideSetting(): Promise<void> {
        throw new Error('hideSetting is not supported by the local workspace');
    }

    protected async isReadableById(id: string): Promise<boolean> {
        const setting = this.ctx.settings.get(id);
        return !!setting && !setting.secret;
    }

    protected async updateOne(setting: ISetting): Promise<void> {
        const current = this.ctx.settings.get(setting.id);
        if (!current || current.secret) {
            throw new Error(`The setting "${setting.id}" is not writable.`);
        }
        await this.ctx.settings.set(setting.id, setting.value);
    }

    protected async incrementValue(id: string, value: number): Promise<void> {
        const current = this.ctx.settings.get(id);
        if (!current || typeof current.value !== 'number') {
            throw new Error(`The setting "${id}" is not a number.`);
        }
        await this.ctx.settings.set(id, current.value + (value || 1));
    }
}
