/**
 * Rocket.Chat's own realtime client, `@rocket.chat/ddp-client` (what the web client uses), connected
 * to a test workspace. It needs a global WebSocket: Node 20 has it with `--experimental-websocket`
 * (`npm test` sets it); without the flag the `ws` package stands in, so a single file still runs.
 */
import WebSocket from 'ws';
import { DDPSDK } from '@rocket.chat/ddp-client';
import type { Creds } from './workspace';

const g = globalThis as { WebSocket?: unknown };
if (typeof g.WebSocket === 'undefined') {
    g.WebSocket = WebSocket;
}

/** A connected SDK; with `creds` logged in with their token (a resume, as a client that logged in before). */
export async function connectClient(url: string, creds?: Creds): Promise<DDPSDK> {
    const sdk = await DDPSDK.createAndConnect(url);
    if (creds) {
        await sdk.account.loginWithToken(creds.authToken);
    }
    return sdk;
}

/** Closes the client's socket (and stops its reconnection and its heartbeat timers, which `close` leaves running). */
export function closeClient(sdk: DDPSDK): void {
    sdk.connection.close();
    sdk.timeoutControl.stop();
}
