import {
    IAppAccessors,
    IConfigurationExtend,
    IConfigurationModify,
    IEnvironmentRead,
    IHttp,
    ILogger,
    IModify,
    IPersistence,
    IRead,
} from '@rocket.chat/apps-engine/definition/accessors';
import { ApiSecurity, ApiVisibility } from '@rocket.chat/apps-engine/definition/api';
import { App } from '@rocket.chat/apps-engine/definition/App';
import { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { ISettingUpdateContext } from '@rocket.chat/apps-engine/definition/settings/ISettingUpdateContext';
import { UIActionButtonContext } from '@rocket.chat/apps-engine/definition/ui';
import {
    IUIKitInteractionHandler,
    IUIKitResponse,
    UIKitActionButtonInteractionContext,
    UIKitBlockInteractionContext,
    UIKitViewSubmitInteractionContext,
} from '@rocket.chat/apps-engine/definition/uikit';
import { IPostUserLoggedIn, IPostUserLoggedOut, IPostUserStatusChanged, IUser, IUserStatusContext } from '@rocket.chat/apps-engine/definition/users';

import { StatusCommand } from './commands/StatusCommand';
import { CustomUserStatusCreateEndpoint } from './endpoints/CustomUserStatusCreateEndpoint';
import { CustomUserStatusDeleteEndpoint } from './endpoints/CustomUserStatusDeleteEndpoint';
import { CustomUserStatusListEndpoint } from './endpoints/CustomUserStatusListEndpoint';
import { CustomUserStatusUpdateEndpoint } from './endpoints/CustomUserStatusUpdateEndpoint';
import { UsersGetStatusEndpoint } from './endpoints/UsersGetStatusEndpoint';
import { UsersSetStatusEndpoint } from './endpoints/UsersSetStatusEndpoint';
import { rearmStatusExpiries, statusExpiryProcessor, statusExpirySweepProcessor } from './jobs/StatusExpiryJob';
import { PresenceEnableBroadcastEndpoint } from './endpoints/PresenceEnableBroadcastEndpoint';
import { PresenceGetConnectionsEndpoint } from './endpoints/PresenceGetConnectionsEndpoint';
import { presenceProcessors } from './jobs/PresenceMonitorJob';
import { onUserLoggedIn, onUserLoggedOut, onUserStatusChanged } from './listeners/PresenceListeners';
import { presencePreSettingUpdate, presenceSettingUpdated, startPresenceMonitor } from './listeners/PresenceSettingsListener';
import { customStatusPreSettingUpdate, customStatusSyncProcessor } from './listeners/CustomStatusSettingsListener';
import { APP_SETTINGS } from './settings/AppSetting';
import { handleActionButton, handleBlockAction, handleViewSubmit } from './ui/UiHandlers';
import { StatusPickerId } from './ui/StatusPickerView';
import { CustomStatusAdminId } from './ui/CustomStatusAdminView';

/** Wiring only: settings, commands, endpoints, jobs, listeners. The behaviour lives in the modules it wires. */
export default class UserStatusApp extends App implements IPostUserLoggedIn, IPostUserLoggedOut, IPostUserStatusChanged, IUIKitInteractionHandler {
    constructor(info: IAppInfo, logger: ILogger, accessors: IAppAccessors) {
        super(info, logger, accessors);
    }

    protected async extendConfiguration(configuration: IConfigurationExtend): Promise<void> {
        await Promise.all(APP_SETTINGS.map((setting) => configuration.settings.provideSetting(setting)));
        // endpoints check request.user themselves, to answer a missing login in Rocket.Chat's JSON envelope
        await configuration.api.provideApi({
            visibility: ApiVisibility.PUBLIC,
            security: ApiSecurity.UNSECURE,
            endpoints: [
                new UsersSetStatusEndpoint(this),
                new UsersGetStatusEndpoint(this),
                new CustomUserStatusListEndpoint(this),
                new CustomUserStatusCreateEndpoint(this),
                new CustomUserStatusUpdateEndpoint(this),
                new CustomUserStatusDeleteEndpoint(this),
                new PresenceGetConnectionsEndpoint(this),
                new PresenceEnableBroadcastEndpoint(this),
            ],
        });
        await configuration.scheduler.registerProcessors([
            statusExpiryProcessor,
            statusExpirySweepProcessor,
            customStatusSyncProcessor(this),
            ...presenceProcessors(this),
        ]);
        // the user's status picker (user dropdown) and the admins' custom-status console
        configuration.ui.registerButton({
            actionId: StatusPickerId.OpenButton,
            labelI18n: 'action_set_status',
            context: UIActionButtonContext.USER_DROPDOWN_ACTION,
        });
        configuration.ui.registerButton({
            actionId: CustomStatusAdminId.OpenButton,
            labelI18n: 'action_manage_custom_statuses',
            context: UIActionButtonContext.USER_DROPDOWN_ACTION,
            when: { hasOneRole: ['admin'] },
        });
        // the app's own command, for workspaces where the built-in /status must stay
        await configuration.slashCommands.provideSlashCommand(new StatusCommand('userstatus', false, this));
    }

    public async onEnable(environment: IEnvironmentRead, configurationModify: IConfigurationModify): Promise<boolean> {
        try {
            const rearmed = await rearmStatusExpiries(this.getAccessors().reader, configurationModify.scheduler);
            this.getLogger().debug(`re-armed ${rearmed} pending status expiries`);
        } catch (error) {
            this.getLogger().error('could not re-arm pending status expiries', error);
        }
        await startPresenceMonitor(configurationModify).catch((error) => this.getLogger().error('could not start the presence monitor', error));
        try {
            // take over Rocket.Chat's built-in /status; `/status <message>` keeps setting the message
            await configurationModify.slashCommands.modifySlashCommand(new StatusCommand('status', true, this));
        } catch (error) {
            this.getLogger().warn('could not take over /status (another app has it, or the workspace has none); /userstatus still works', error);
        }
        return super.onEnable(environment, configurationModify);
    }

    public async onPreSettingUpdate(context: ISettingUpdateContext, configurationModify: IConfigurationModify, read: IRead, _http: IHttp): Promise<ISetting> {
        const customStatuses = await customStatusPreSettingUpdate(context, configurationModify, read);
        if (customStatuses) {
            return customStatuses;
        }
        return presencePreSettingUpdate(context, read);
    }

    public async onSettingUpdated(setting: ISetting, configurationModify: IConfigurationModify, read: IRead, _http: IHttp): Promise<void> {
        return presenceSettingUpdated(this, setting, configurationModify, read);
    }

    public async executeActionButtonHandler(
        context: UIKitActionButtonInteractionContext,
        read: IRead,
        _http: IHttp,
        _persistence: IPersistence,
        _modify: IModify,
    ): Promise<IUIKitResponse> {
        return handleActionButton(this, context, read);
    }

    public async executeBlockActionHandler(
        context: UIKitBlockInteractionContext,
        read: IRead,
        _http: IHttp,
        persistence: IPersistence,
        _modify: IModify,
    ): Promise<IUIKitResponse> {
        return handleBlockAction(this, context, read, persistence);
    }

    public async executeViewSubmitHandler(
        context: UIKitViewSubmitInteractionContext,
        read: IRead,
        http: IHttp,
        persistence: IPersistence,
        modify: IModify,
    ): Promise<IUIKitResponse> {
        return handleViewSubmit(this, context, read, http, persistence, modify);
    }

    public async executePostUserLoggedIn(user: IUser, read: IRead, http: IHttp, persis: IPersistence, modify: IModify): Promise<void> {
        return onUserLoggedIn(this, user, read, http, persis, modify);
    }

    public async executePostUserLoggedOut(user: IUser, read: IRead, http: IHttp, persis: IPersistence, modify: IModify): Promise<void> {
        return onUserLoggedOut(this, user, read, http, persis, modify);
    }

    public async executePostUserStatusChanged(context: IUserStatusContext, read: IRead, http: IHttp, persis: IPersistence, modify: IModify): Promise<void> {
        return onUserStatusChanged(this, context, read, http, persis, modify);
    }
}
