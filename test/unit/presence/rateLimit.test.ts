/**
 * Rocket.Chat's REST rate limiter on the app's reads of presence.getConnections (a token owner
 * without api-bypass-rate-limit): on a 429 the app backs off until the limiter's reset, keeps the
 * last exact count with its age, says so wherever the number is shown, and logs once what the token
 * owner lacks. Each case loads fresh copies of the app's modules (their memory is per instance).
 */
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { FakeWorld, makeUser } from '../../doubles/world';
import { pollUntil } from '../../helpers/poll';

type Count = typeof import('../../../src/services/presence/connectionCount');
type Config = typeof import('../../../src/services/presence/presenceConfig');

function modules(): { count: Count; config: Config } {
    let loaded: { count: Count; config: Config } | undefined;
    jest.isolateModules(() => {
        loaded = {
            count: jest.requireActual('../../../src/services/presence/connectionCount'),
            config: jest.requireActual('../../../src/services/presence/presenceConfig'),
        };
    });
    return loaded as { count: Count; config: Config };
}

const TOO_MANY = 'Error, too many requests. Please slow down. You must wait 42 seconds before trying this endpoint again. [error-too-many-requests]';

function world(): { world: FakeWorld; owner: IUser } {
    const w = new FakeWorld();
    const owner = w.addUser(makeUser('reader', { roles: ['user'] }));
    w.appSettings.presence_workspace_user_id = 'reader';
    w.appSettings.presence_workspace_access_token = 'reader-token';
    return { world: w, owner };
}

describe("the count under Rocket.Chat's rate limiter", () => {
    it('answers 429: the last exact count stands in, stale, with its age; no call before the reset; logged once with what the owner lacks', async () => {
        const { world: w } = world();
        const { count, config } = modules();
        let limited = false;
        const reset = Date.now() + 40_000;
        w.httpHandler = () =>
            limited
                ? {
                      statusCode: 429,
                      data: { success: false, error: TOO_MANY },
                      headers: { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
                  }
                : { statusCode: 200, data: { current: 150, max: 200, success: true } };
        const settings = await config.readPresenceConfig(w.access().read);

        const fresh = await count.countConnections(w.app() as never, w.access(), settings);
        expect(fresh).toEqual({ current: 150, source: 'workspace', at: expect.any(String) });
        expect(count.countSourceText(fresh, 'en')).toBe("Rocket.Chat's own count");

        limited = true;
        const stale = await count.countConnections(w.app() as never, w.access(), settings);
        expect(stale).toEqual({ current: 150, source: 'workspace', at: fresh.at, stale: true });
        expect(w.httpCalls).toHaveLength(2);
        const refusals = w.logs.filter((line) => line.includes('HTTP 429'));
        expect(refusals).toHaveLength(1);
        expect(refusals[0]).toContain('api-bypass-rate-limit');
        expect(refusals[0]).not.toContain('reader-token');

        // backing off: no call until the limiter's reset, the same count, no second log line
        const again = await count.countConnections(w.app() as never, w.access(), settings);
        expect(again).toEqual(stale);
        expect(w.httpCalls).toHaveLength(2);
        expect(w.logs.filter((line) => line.includes('HTTP 429'))).toHaveLength(1);

        const later = Date.parse(fresh.at) + 135_000;
        expect(count.countSourceText(stale, 'en', later)).toBe(
            "last exact count 150, read 2 min ago: Rocket.Chat's rate limiter refuses a fresh read; give the owner of the access token the api-bypass-rate-limit permission (admins have it)",
        );
        expect(count.countSourceText(stale, 'de', Date.parse(fresh.at) + 45_000)).toMatch(/^letzte genaue Zählung 150, vor 45 s gelesen/);
    });

    it('asks again once the reset has passed, and the count is fresh again', async () => {
        const { world: w } = world();
        const { count, config } = modules();
        let limited = true;
        w.httpHandler = () =>
            limited
                ? { statusCode: 429, data: { success: false, error: TOO_MANY }, headers: { 'x-ratelimit-reset': String(Date.now() + 30) } }
                : { statusCode: 200, data: { current: 7, max: 200, success: true } };
        const settings = await config.readPresenceConfig(w.access().read);
        // never read exactly before: the estimate stands in
        expect((await count.countConnections(w.app() as never, w.access(), settings)).source).toBe('estimate');
        limited = false;
        const fresh = await pollUntil(
            () => count.countConnections(w.app() as never, w.access(), settings),
            (c) => c.source === 'workspace',
            { what: 'a read after the reset', intervalMs: 10 },
        );
        expect(fresh).toEqual({ current: 7, source: 'workspace', at: expect.any(String) });
        expect(w.httpCalls).toHaveLength(2);
    });

    it("reads the reset from Rocket.Chat's header, else from the seconds its error names, else a minute", () => {
        const { count } = modules();
        expect(count.retryTimeOf({ 'x-ratelimit-reset': '90000' }, TOO_MANY, 1_000)).toBe(90_000);
        expect(count.retryTimeOf({ 'x-ratelimit-reset': '5' }, TOO_MANY, 1_000)).toBe(43_000);
        expect(count.retryTimeOf(undefined, undefined, 1_000)).toBe(61_000);
    });
});
