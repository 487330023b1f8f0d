import type { Settings } from '../services/Settings';
import type { Permissions } from '../services/Permissions';
import type { UserDoc } from '../services/UserDoc';
import { HttpError } from './types';

/** A route's rule (Meteor's rate-limit `Rule`): one window for the route, one counter per client address. */
interface RouteRule {
    numRequestsAllowed: number;
    intervalTime: number;
    lastResetTime: number;
    counters: Map<string, number>;
}

export interface RateLimitVerdict {
    /** X-RateLimit-Limit, -Remaining, -Reset: set on every limited answer, refused or not */
    headers: Record<string, string>;
    /** the 429 to answer instead of running the route */
    refused?: HttpError;
}

/**
 * Rocket.Chat's REST rate limiter on its core routes (apps/meteor/app/api/server/api.ts:
 * `addRateLimiterRuleForRoutes`, `enforceRateLimit`, `shouldVerifyRateLimit`; Meteor's rate-limit
 * package for the counting), one per server instance (its `rateLimiterDictionary` lives in the
 * process). Each route (path pattern and method) gets a rule of
 * `API_Enable_Rate_Limiter_Limit_Calls_Default` calls (10) per
 * `API_Enable_Rate_Limiter_Limit_Time_Default` ms (60000) per client address: the window starts
 * when the rule is made and restarts, for every address at once, at the first call after it ran
 * out; the call that goes over the limit is answered 429
 * `{success:false, error:'Error, too many requests. Please slow down. You must wait <s> seconds
 * before trying this endpoint again. [error-too-many-requests]'}` (API.v1.tooManyRequests with the
 * Meteor.Error's message). Not checked when `API_Enable_Rate_Limiter` is off, or for a caller who
 * holds `api-bypass-rate-limit` (admin, bot and app by default). A change of either default
 * setting makes new rules (reloadRoutesToRefreshRateLimiter), so the counting starts over.
 */
export class RestRateLimiter {
    private readonly rules = new Map<string, RouteRule>();
    private defaults?: { calls: number; time: number };

    constructor(
        private readonly settings: Settings,
        private readonly permissions: Permissions,
        private readonly now: () => number = Date.now,
    ) {}

    /** The verdict for one call of `route` (`<method> <path pattern>`) from `address`, or undefined when it is not limited. */
    public check(route: string, address: string, user: UserDoc | null): RateLimitVerdict | undefined {
        if (this.settings.value('API_Enable_Rate_Limiter') !== true) return undefined;
        if (user && this.permissions.has(user, 'api-bypass-rate-limit')) return undefined;
        const rule = this.rule(route);
        if (!rule) return undefined;
        const now = this.now();
        // increment: a rule whose window ran out starts over for every address
        if (now - rule.lastResetTime > rule.intervalTime) {
            rule.counters = new Map();
            rule.lastResetTime = now;
        }
        const count = (rule.counters.get(address) ?? 0) + 1;
        rule.counters.set(address, count);
        // check
        const timeToReset = rule.intervalTime - (now - rule.lastResetTime);
        const allowed = count <= rule.numRequestsAllowed;
        const headers = {
            'X-RateLimit-Limit': String(rule.numRequestsAllowed),
            'X-RateLimit-Remaining': String(allowed ? rule.numRequestsAllowed - count : 0),
            'X-RateLimit-Reset': String(now + timeToReset),
        };
        if (allowed) return { headers };
        const seconds = Math.ceil(timeToReset / 1000);
        return {
            headers,
            refused: new HttpError(429, {
                success: false,
                error: `Error, too many requests. Please slow down. You must wait ${seconds} seconds before trying this endpoint again. [error-too-many-requests]`,
            }),
        };
    }

    private rule(route: string): RouteRule | undefined {
        const calls = Number(this.settings.value('API_Enable_Rate_Limiter_Limit_Calls_Default'));
        const time = Number(this.settings.value('API_Enable_Rate_Limiter_Limit_Time_Default'));
        // shouldAddRateLimitToRoute: no rule without both defaults
        if (!(calls > 0) || !(time > 0)) return undefined;
        if (!this.defaults || this.defaults.calls !== calls || this.defaults.time !== time) {
            this.rules.clear();
            this.defaults = { calls, time };
        }
        let rule = this.rules.get(route);
        if (!rule) {
            // the workspace makes a route's rule at its first call (Rocket.Chat at start): its first
            // window runs from there, so it is never shorter than Rocket.Chat's
            rule = { numRequestsAllowed: calls, intervalTime: time, lastResetTime: this.now(), counters: new Map() };
            this.rules.set(route, rule);
        }
        return rule;
    }
}
