import { AppBridges } from '@rocket.chat/apps-engine/server/bridges/AppBridges';
import type { HostContext } from '../engine/HostContext';
import { NotSupportedError } from '../engine/HostContext';
import { WorkspaceUserBridge } from './UserBridge';
import { WorkspaceServerSettingBridge } from './ServerSettingBridge';
import { WorkspaceCommandBridge } from './CommandBridge';
import { WorkspaceApiBridge } from './ApiBridge';
import { WorkspacePersistenceBridge } from './PersistenceBridge';
import { WorkspaceSchedulerBridge } from './SchedulerBridge';
import { WorkspaceMessageBridge } from './MessageBridge';
import { WorkspaceRoomBridge } from './RoomBridge';
import { WorkspaceHttpBridge } from './HttpBridge';
import { WorkspaceListenerBridge } from './ListenerBridge';
import {
    WorkspaceAppActivationBridge,
    WorkspaceAppDetailChangesBridge,
    WorkspaceEnvironmentalVariableBridge,
    WorkspaceInternalBridge,
    WorkspaceInternalFederationBridge,
    WorkspaceRoleBridge,
    WorkspaceUiInteractionBridge,
} from './small';

/** A bridge the workspace does not carry: any call answers a clear error. */
function unsupported<T>(name: string): T {
    return new Proxy(
        {},
        {
            get(_target, prop) {
                if (typeof prop !== 'string' || prop === 'then') return undefined;
                return () => Promise.reject(new NotSupportedError(`${name}.${prop}`));
            },
        },
    ) as T;
}

/** Every bridge the engine asks for (Rocket.Chat's RealAppBridges). */
export class WorkspaceBridges extends AppBridges {
    private readonly user: WorkspaceUserBridge;
    private readonly serverSetting: WorkspaceServerSettingBridge;
    private readonly command: WorkspaceCommandBridge;
    private readonly api: WorkspaceApiBridge;
    private readonly persistence: WorkspacePersistenceBridge;
    private readonly scheduler: WorkspaceSchedulerBridge;
    private readonly message: WorkspaceMessageBridge;
    private readonly room: WorkspaceRoomBridge;
    private readonly http = new WorkspaceHttpBridge();
    private readonly listener: WorkspaceListenerBridge;
    private readonly activation = new WorkspaceAppActivationBridge();
    private readonly detailChanges: WorkspaceAppDetailChangesBridge;
    private readonly envVars = new WorkspaceEnvironmentalVariableBridge();
    private readonly role = new WorkspaceRoleBridge();
    private readonly uiInteraction: WorkspaceUiInteractionBridge;
    private readonly federation: WorkspaceInternalFederationBridge;
    private readonly internal: WorkspaceInternalBridge;

    constructor(ctx: HostContext, dataDir: string) {
        super();
        this.federation = new WorkspaceInternalFederationBridge(dataDir);
        this.user = new WorkspaceUserBridge(ctx);
        this.serverSetting = new WorkspaceServerSettingBridge(ctx);
        this.command = new WorkspaceCommandBridge(ctx);
        this.api = new WorkspaceApiBridge(ctx);
        this.persistence = new WorkspacePersistenceBridge(ctx);
        this.scheduler = new WorkspaceSchedulerBridge(ctx);
        this.message = new WorkspaceMessageBridge(ctx);
        this.room = new WorkspaceRoomBridge(ctx);
        this.listener = new WorkspaceListenerBridge(ctx);
        this.uiInteraction = new WorkspaceUiInteractionBridge(ctx);
        this.internal = new WorkspaceInternalBridge(ctx);
        this.detailChanges = new WorkspaceAppDetailChangesBridge(ctx);
    }

    getCommandBridge() {
        return this.command;
    }
    getApiBridge() {
        return this.api;
    }
    getAppDetailChangesBridge() {
        return this.detailChanges;
    }
    getEnvironmentalVariableBridge() {
        return this.envVars;
    }
    getHttpBridge() {
        return this.http;
    }
    getListenerBridge() {
        return this.listener;
    }
    getMessageBridge() {
        return this.message;
    }
    getPersistenceBridge() {
        return this.persistence;
    }
    getAppActivationBridge() {
        return this.activation;
    }
    getRoomBridge() {
        return this.room;
    }
    getInternalBridge() {
        return this.internal;
    }
    getInternalFederationBridge() {
        return this.federation;
    }
    getServerSettingBridge() {
        return this.serverSetting;
    }
    getUserBridge() {
        return this.user;
    }
    getUiInteractionBridge() {
        return this.uiInteraction;
    }
    getSchedulerBridge() {
        return this.scheduler;
    }
    getRoleBridge() {
        return this.role;
    }

    getContactBridge() {
        return unsupported<ReturnType<AppBridges['getContactBridge']>>('ContactBridge');
    }
    getLivechatBridge() {
        return unsupported<ReturnType<AppBridges['getLivechatBridge']>>('LivechatBridge');
    }
    getUploadBridge() {
        return unsupported<ReturnType<AppBridges['getUploadBridge']>>('UploadBridge');
    }
    getEmailBridge() {
        return unsupported<ReturnType<AppBridges['getEmailBridge']>>('EmailBridge');
    }
    getCloudWorkspaceBridge() {
        return unsupported<ReturnType<AppBridges['getCloudWorkspaceBridge']>>('CloudWorkspaceBridge');
    }
    getVideoConferenceBridge() {
        return unsupported<ReturnType<AppBridges['getVideoConferenceBridge']>>('VideoConferenceBridge');
    }
    getOAuthAppsBridge() {
        return unsupported<ReturnType<AppBridges['getOAuthAppsBridge']>>('OAuthAppsBridge');
    }
    getModerationBridge() {
        return unsupported<ReturnType<AppBridges['getModerationBridge']>>('ModerationBridge');
    }
    getThreadBridge() {
        return unsupported<ReturnType<AppBridges['getThreadBridge']>>('ThreadBridge');
    }
    getOutboundMessageBridge() {
        return unsupported<ReturnType<AppBridges['getOutboundMessageBridge']>>('OutboundMessageBridge');
    }
    getExperimentalBridge() {
        return unsupported<ReturnType<AppBridges['getExperimentalBridge']>>('ExperimentalBridge');
    }
}
