import { DDPSDK } from '@rocket.chat/ddp-client';

/** A stream event as Rocket.Chat sends it: `changed` on `stream-*` with `{eventName, args}`. */
export type StreamHandler = (eventName: string, args: unknown[]) => void;

interface CollectionPayload {
    msg?: string;
    collection?: string;
    fields?: { eventName?: unknown; args?: unknown };
}

/**
 * The realtime session, through Rocket.Chat's own `@rocket.chat/ddp-client` (DDP over the
 * browser's WebSocket at `/websocket`): resume login, subscriptions, stream events, methods.
 * The SDK logs in again and re-subscribes by itself after a reconnect.
 */
export class Realtime {
    private constructor(private readonly sdk: DDPSDK) {}

    public static async connect(origin: string, authToken: string): Promise<Realtime> {
        const sdk = DDPSDK.create(origin, { retryCount: 1000, retryTime: 1000 });
        await sdk.connection.connect();
        await sdk.account.loginWithToken(authToken);
        return new Realtime(sdk);
    }

    /** Subscribes; `ready` is `false` when the server answers `nosub` (a stream this server does not carry). */
    public subscribe(name: string, ...params: unknown[]): { ready: Promise<boolean>; stop: () => void } {
        const sub = this.sdk.client.subscribe(name, ...params);
        const ready = sub.ready().then(
            () => true,
            () => false,
        );
        return { ready, stop: () => sub.stop() };
    }

    public onStream(collection: string, handler: StreamHandler): () => void {
        return this.sdk.client.onCollection(collection, (data: unknown) => {
            const payload = data as CollectionPayload;
            if (payload.msg !== 'changed' || payload.collection !== collection) return;
            const eventName = payload.fields?.eventName;
            const args = payload.fields?.args;
            if (typeof eventName === 'string' && Array.isArray(args)) handler(eventName, args);
        });
    }

    public call<T = unknown>(method: string, ...params: unknown[]): Promise<T> {
        return this.sdk.call(method, ...params) as Promise<T>;
    }

    public close(): void {
        this.sdk.connection.close();
    }
}
