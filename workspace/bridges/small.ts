import { generateKeyPairSync } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { AppActivationBridge } from '@rocket.chat/apps-engine/server/bridges/AppActivationBridge';
import { AppDetailChangesBridge } from '@rocket.chat/apps-engine/server/bridges/AppDetailChangesBridge';
import { EnvironmentalVariableBridge } from '@rocket.chat/apps-engine/server/bridges/EnvironmentalVariableBridge';
import { RoleBridge } from '@rocket.chat/apps-engine/server/bridges/RoleBridge';
import { UiInteractionBridge } from '@rocket.chat/apps-engine/server/bridges/UiInteractionBridge';
import type { IInternalFederationBridge } from '@rocket.chat/apps-engine/server/bridges/IInternalFederationBridge';
import type { IInternalBridge } from '@rocket.chat/apps-engine/server/bridges/IInternalBridge';
import type { ProxiedApp } from '@rocket.chat/apps-engine/server/ProxiedApp';
import type { AppStatus } from '@rocket.chat/apps-engine/definition/AppStatus';
import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import type { IRole } from '@rocket.chat/apps-engine/definition/roles';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import type { IUIKitInteraction } from '@rocket.chat/apps-engine/definition/uikit';
import type { HostContext } from '../engine/HostContext';

/** App lifecycle notifications: logged, nothing else listens in the local workspace. */
export class WorkspaceAppActivationBridge extends AppActivationBridge {
    protected async appAdded(app: ProxiedApp): Promise<void> {
        console.log(`[workspace] app added: ${app.getName()} ${app.getVersion()}`);
    }

    protected async appUpdated(app: ProxiedApp): Promise<void> {
        console.log(`[workspace] app updated: ${app.getName()} ${app.getVersion()}`);
    }

    protected async appRemoved(app: ProxiedApp): Promise<void> {
        console.log(`[workspace] app removed: ${app.getName()}`);
    }

    protected async appStatusChanged(app: ProxiedApp, status: AppStatus): Promise<void> {
        console.log(`[workspace] app ${app.getName()} status: ${status}`);
    }

    protected async actionsChanged(): Promise<void> {
        // Action buttons are read from the engine's UIActionButtonManager on each request.
    }
}

/**
 * Rocket.Chat's AppDetailChangesBridge (app/apps/server/bridges/details.ts): the engine stored a
 * changed setting of the app on this instance and is about to run `onSettingUpdated`; the notifier
 * broadcasts `apps.settingUpdated` to every instance (AppServerNotifier.appSettingsChange), where
 * the AppsEngineService applies it to its own copy of the app (see instances/settingSync.ts).
 */
export class WorkspaceAppDetailChangesBridge extends AppDetailChangesBridge {
    constructor(private readonly ctx: HostContext) {
        super();
    }

    protected onAppSettingsChange(appId: string, setting: ISetting): void {
        this.ctx.cluster.broadcast('apps.settingUpdated', { appId, setting });
    }
}

/** Environment variables an app may read: only an explicit allow-list, as in Rocket.Chat. */
export class WorkspaceEnvironmentalVariableBridge extends EnvironmentalVariableBridge {
    private static readonly ALLOWED = ['NODE_ENV', 'ROOT_URL', 'INSTANCE_IP', 'TZ'];

    protected async getValueByName(name: string): Promise<string | undefined> {
        return WorkspaceEnvironmentalVariableBridge.ALLOWED.includes(name.toUpperCase()) ? process.env[name] : undefined;
    }

    protected async isReadable(name: string): Promise<boolean> {
        return WorkspaceEnvironmentalVariableBridge.ALLOWED.includes(name.toUpperCase());
    }

    protected async isSet(name: string): Promise<boolean> {
        return (await this.isReadable(name)) && process.env[name] !== undefined;
    }
}

const ROLES: IRole[] = [
    { id: 'admin', name: 'admin', description: 'Admin', mandatory2fa: false, protected: true, scope: 'Users' },
    { id: 'user', name: 'user', description: 'User', mandatory2fa: false, protected: true, scope: 'Users' },
    { id: 'bot', name: 'bot', description: 'Bot', mandatory2fa: false, protected: true, scope: 'Users' },
    { id: 'app', name: 'app', description: 'App', mandatory2fa: false, protected: true, scope: 'Users' },
    { id: 'guest', name: 'guest', description: 'Guest', mandatory2fa: false, protected: true, scope: 'Users' },
] as IRole[];

export class WorkspaceRoleBridge extends RoleBridge {
    protected async getOneByIdOrName(idOrName: string): Promise<IRole | null> {
        return ROLES.find((r) => r.id === idOrName || r.name === idOrName) ?? null;
    }

    protected async getCustomRoles(): Promise<IRole[]> {
        return [];
    }
}

/** Views an app opens by itself reach the user on `stream-notify-user` `<userId>/uiInteraction`. */
export class WorkspaceUiInteractionBridge extends UiInteractionBridge {
    constructor(private readonly ctx: HostContext) {
        super();
    }

    protected async notifyUser(user: IUser, interaction: IUIKitInteraction): Promise<void> {
        this.ctx.events.emit('notify.user', { userId: user.id, event: 'uiInteraction', args: [interaction] });
    }
}

/**
 * The engine signs installed apps with the federation key pair and checks the signature on every
 * load: the pair is made once and kept in DATA_DIR (mode 600), so installed apps stay valid across restarts.
 */
export class WorkspaceInternalFederationBridge implements IInternalFederationBridge {
    private keys?: { publicKey: string; privateKey: string };

    constructor(private readonly dataDir: string) {}

    private pair(): { publicKey: string; privateKey: string } {
        if (this.keys) return this.keys;
        const file = path.join(this.dataDir, 'federation-keys.json');
        if (fs.existsSync(file)) {
            this.keys = JSON.parse(fs.readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
            return this.keys;
        }
        this.keys = generateKeyPairSync('rsa', {
            modulusLength: 2048,
            publicKeyEncoding: { type: 'spki', format: 'pem' },
            privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        });
        fs.writeFileSync(file, JSON.stringify(this.keys), { mode: 0o600 });
        return this.keys;
    }

    public async getPrivateKey(): Promise<string | null> {
        return this.pair().privateKey;
    }

    public async getPublicKey(): Promise<string | null> {
        return this.pair().publicKey;
    }
}

export class WorkspaceInternalBridge implements IInternalBridge {
    private readonly usernamesByRoom = new Map<string, string[]>();

    constructor(private readonly ctx: HostContext) {}

    public async doGetUsernamesOfRoomById(roomId: string): Promise<string[]> {
        const room = await this.ctx.rooms.findById(roomId);
        const names = room?.usernames ?? [];
        this.usernamesByRoom.set(roomId, names);
        return names;
    }

    public doGetUsernamesOfRoomByIdSync(roomId: string): string[] {
        return this.usernamesByRoom.get(roomId) ?? [];
    }

    public async doGetWorkspacePublicKey(): Promise<ISetting> {
        return {
            id: 'Cloud_Workspace_PublicKey',
            type: 'string',
            packageValue: '',
            value: '',
            required: false,
            public: false,
            i18nLabel: 'Cloud_Workspace_PublicKey',
        } as ISetting;
    }
}
