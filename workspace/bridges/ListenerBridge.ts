import type { IListenerBridge } from '@rocket.chat/apps-engine/server/bridges/IListenerBridge';
import type { AppInterface } from '@rocket.chat/apps-engine/definition/metadata';
import type { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { UIKitIncomingInteraction } from '@rocket.chat/apps-engine/definition/uikit';
import type { HostContext } from '../engine/HostContext';

/** Rocket.Chat's AppListenerBridge: host events handed to the engine's listener manager. */
export class WorkspaceListenerBridge implements IListenerBridge {
    constructor(private readonly ctx: HostContext) {}

    private run<T>(int: AppInterface, data: unknown): Promise<T> {
        const lm = this.ctx.manager().getListenerManager() as unknown as { executeListener(int: AppInterface, data: unknown): Promise<unknown> };
        return lm.executeListener(int, data) as Promise<T>;
    }

    public messageEvent(int: AppInterface, message: IMessage): Promise<void | boolean | IMessage> {
        return this.run(int, message);
    }

    public roomEvent(int: AppInterface, room: IRoom): Promise<void | boolean | IRoom> {
        return this.run(int, room);
    }

    public uiKitInteractionEvent(int: AppInterface, action: UIKitIncomingInteraction): Promise<void | boolean> {
        return this.run(int, action);
    }
}
