import { ApiBridge } from '@rocket.chat/apps-engine/server/bridges/ApiBridge';
import type { AppApi } from '@rocket.chat/apps-engine/server/managers/AppApi';
import type { HostContext } from '../engine/HostContext';

/** App endpoints, served under /api/apps/public/<appId>/. */
export class WorkspaceApiBridge extends ApiBridge {
    constructor(private readonly ctx: HostContext) {
        super();
    }

    protected async registerApi(api: AppApi, appId: string): Promise<void> {
        this.ctx.endpoints.register(appId, api);
    }

    protected async unregisterApis(appId: string): Promise<void> {
        this.ctx.endpoints.unregisterAll(appId);
    }
}
