import {
    IAppAccessors,
    IAppInstallationContext,
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
import { appEndpoints } from './endpoints/endpoints';
import { loginFollowUpProcessor } from './jobs/LoginFollowUpJob';
import { presenceProcessors } from './jobs/PresenceMonitorJob';
import { changeRecoveryProcessor, startChangeRecovery } from './jobs/ChangeRecoveryJob';
import { retentionProcessor } from './jobs/RetentionJob';
import { rearmStatusExpiries, statusExpiryProcessors } from './jobs/StatusExpiryJob';
import { rearmUserStatusJobs, userStatusProcessors } from './jobs/UserStatusJobs';
import { customStatusSyncProcessor } from './listeners/CustomStatusSettingsListener';
import { preSettingUpdate, settingUpdated } from './listeners/SettingHooks';
import { onUserLoggedIn, onUserLoggedOut, onUserStatusChanged } from './listeners/PresenceListeners';
import { startPresenceMonitor } from './listeners/PresenceSettingsListener';
import { noteAdmin } from './services/presence/admins';
import { describeError } from './services/presence/PresenceApp';
import { APP_SETTINGS } from './settings/AppSetting';
import { CustomStatusAdminId } from './ui/CustomStatusAdminView';
import { StatusPickerId } from './ui/StatusPickerView';
import { handleActionButton, handleBlockAction, handleViewSubmit } from './ui/UiHandlers';

/** Wiring only: settings, commands, endpoints, jobs, listeners. The behaviour lives in the modules it wires. */
export default class UserStatusApp extends App implements IPostUserLoggedIn, IPostUserLoggedOut, IPostUserStatusChanged, IUIKitInteractionHandler {
    constructor(info: IAppInfo, logger: ILogger, accessors: IAppAccessors) {
        super(info, logger, accessors);
    }

    protected async extendConfiguration(configuration: IConfigurationExtend): Promise<void> {
        await Promise.all(APP_SETTINGS.map((setting) => configuration.settings.provideSetting(setting)));
        // endpoints check request.user themselves, to answer a missing login in Rocket.Chat's JSON envelope
        await configuration.api.provideApi({ visibility: ApiVisibility.PUBLIC, security: ApiSecurity.UNSECURE, endpoints: appEndpoints(this) });
        await configuration.scheduler.registerProcessors([
            ...statusExpiryProcessors(this),
            ...userStatusProcessors(this),
            changeRecoveryProcessor(this),
            customStatusSyncProcessor(this),
            ...presenceProcessors(this),
            loginFollowUpProcessor(this),
            retentionProcessor(this),
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

    /** The admin who installs the app is the first admin it can message. */
    public async onInstall(context: IAppInstallationContext, read: IRead, _http: IHttp, persistence: IPersistence, _modify: IModify): Promise<void> {
        await noteAdmin({ read, persis: persistence }, context.user).catch((error) =>
            this.getLogger().warn(`could not note the installing admin: ${describeError(error)}`),
        );
    }

    public async onEnable(environment: IEnvironmentRead, configurationModify: IConfigurationModify): Promise<boolean> {
        try {
            const reader = this.getAccessors().reader;
            const rearmed =
                (await rearmStatusExpiries(reader, configurationModify.scheduler)) + (await rearmUserStatusJobs(reader, configurationModify.scheduler));
            this.getLogger().debug(`re-armed ${rearmed} pending jobs of users`);
        } catch (error) {
            this.getLogger().error(`could not re-arm the pending jobs of users: ${describeError(error)}`);
        }
        // the recovery pass runs at once, then every minute: changes whose writer died are finished or undone
        await startChangeRecovery(configurationModify.scheduler).catch((error) =>
            this.getLogger().error(`could not start the recovery of changes: ${describeError(error)}`),
        );
        await startPresenceMonitor(configurationModify).catch((error) =>
            this.getLogger().error(`could not start the presence monitor: ${describeError(error)}`),
        );
        try {
            // take over Rocket.Chat's built-in /status; `/status <message>` keeps setting the message
            await configurationModify.slashCommands.modifySlashCommand(new StatusCommand('status', true, this));
        } catch (error) {
            this.getLogger().warn(
                `could not take over /status (another app has it, or the workspace has none); /userstatus still works: ${describeError(error)}`,
            );
        }
        return super.onEnable(environment, configurationModify);
    }

    public async onPreSettingUpdate(context: ISettingUpdateContext, configurationModify: IConfigurationModify, read: IRead, _http: IHttp): Promise<ISetting> {
        return preSettingUpdate(this, context, configurationModify, read);
    }

    public async onSettingUpdated(setting: ISetting, configurationModify: IConfigurationModify, read: IRead, _http: IHttp): Promise<void> {
        return settingUpdated(this, setting, configurationModify, read);
    }

    public async executeActionButtonHandler(
        context: UIKitActionButtonInteractionContext,
        read: IRead,
        _http: IHttp,
        persistence: IPersistence,
    ): Promise<IUIKitResponse> {
        return this.interaction(context, () => handleActionButton(this, context, read, persistence));
    }

    public async executeBlockActionHandler(
        context: UIKitBlockInteractionContext,
        read: IRead,
        http: IHttp,
        persistence: IPersistence,
        modify: IModify,
    ): Promise<IUIKitResponse> {
        return this.interaction(context, () => handleBlockAction(this, context, read, http, persistence, modify));
    }

    public async executeViewSubmitHandler(
        context: UIKitViewSubmitInteractionContext,
        read: IRead,
        http: IHttp,
        persistence: IPersistence,
        modify: IModify,
    ): Promise<IUIKitResponse> {
        return this.interaction(context, () => handleViewSubmit(this, context, read, http, persistence, modify));
    }

    public async executePostUserLoggedIn(user: IUser, read: IRead, http: IHttp, persis: IPersistence, modify: IModify): Promise<void> {
        return onUserLoggedIn(this, user, { read, http, persis, modify });
    }

    public async executePostUserLoggedOut(user: IUser, read: IRead, http: IHttp, persis: IPersistence, modify: IModify): Promise<void> {
        return onUserLoggedOut(this, user, { read, http, persis, modify });
    }

    public async executePostUserStatusChanged(context: IUserStatusContext, read: IRead, http: IHttp, persis: IPersistence, modify: IModify): Promise<void> {
        return onUserStatusChanged(this, context, { read, http, persis, modify });
    }

    /** A UI interaction that fails answers the engine's error response (the client shows it), never an exception. */
    private async interaction(
        context: UIKitActionButtonInteractionContext | UIKitBlockInteractionContext | UIKitViewSubmitInteractionContext,
        run: () => Promise<IUIKitResponse>,
    ): Promise<IUIKitResponse> {
        try {
            return await run();
        } catch (error) {
            this.getLogger().error(`a UI interaction failed: ${describeError(error)}`);
            return context.getInteractionResponder().errorResponse();
        }
    }
}
