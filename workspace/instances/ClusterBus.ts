import type { ISetting } from '@rocket.chat/apps-engine/definition/settings';

/** The broker events the instances exchange (Rocket.Chat's EventSignatures, the part carried here). */
export interface ClusterEvents {
    /** An app setting changed on one instance (AppServerNotifier.appSettingsChange). */
    'apps.settingUpdated': { appId: string; setting: ISetting };
}

type Handler<K extends keyof ClusterEvents> = (payload: ClusterEvents[K]) => Promise<void>;

/**
 * Rocket.Chat's broker broadcast between instances: `api.broadcast` runs the event's handlers on the
 * sending instance (LocalBroker.broadcastLocal) and, through the instance service, on every other one
 * (core-services LocalBroker, ee/server/local-services/instance/service.ts, the `local` stream relay in
 * app/notifications/server/lib/Notifications.ts). Each handler gets its own copy of the payload, as
 * if it came over the wire, after the sender has moved on (`void api.broadcast(...)`).
 */
export class ClusterBus {
    private readonly handlers = new Map<keyof ClusterEvents, Array<Handler<keyof ClusterEvents>>>();
    private readonly pending = new Set<Promise<void>>();

    public on<K extends keyof ClusterEvents>(event: K, handler: Handler<K>): void {
        const list = this.handlers.get(event) ?? [];
        list.push(handler as Handler<keyof ClusterEvents>);
        this.handlers.set(event, list);
    }

    public broadcast<K extends keyof ClusterEvents>(event: K, payload: ClusterEvents[K]): void {
        for (const handler of this.handlers.get(event) ?? []) {
            const copy = structuredClone(payload);
            const run = new Promise<void>((resolve) => setImmediate(resolve))
                .then(() => handler(copy))
                .catch((err: unknown) => console.error(`[workspace] ${event} handler failed: ${err instanceof Error ? err.message : String(err)}`))
                .finally(() => this.pending.delete(run));
            this.pending.add(run);
        }
    }

    /** Resolves when every handler started so far (and those they started) has finished. */
    public async idle(): Promise<void> {
        while (this.pending.size) {
            await Promise.all([...this.pending]);
        }
    }
}
