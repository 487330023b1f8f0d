import { IApiEndpoint } from '@rocket.chat/apps-engine/definition/api';

import { fail, forbidden, ok, ruleError } from '../core/AppError';
import { pageAudit } from '../core/audit/AuditEntry';
import { languageOf } from '../i18n/translate';
import { readHistory } from '../services/presence/history';
import { withAuditText } from '../services/reports/auditText';
import { PresenceApp } from '../services/presence/PresenceApp';
import { canManageUserStatus } from '../services/rights';
import { AuditRepository } from '../storage/AuditRepository';
import { RecordStore } from '../storage/records';
import { appEndpoint } from './appEndpoint';
import { readPagingSettings } from './pagingSettings';

/** `GET presence.history` (admins): the daily peak of connections for the last 90 days, `{days:[{date, peak, cap}]}`, oldest first. */
export function presenceHistoryEndpoint(app: PresenceApp): IApiEndpoint {
    return appEndpoint(app, 'presence.history', {
        get: async ({ user, read }) => {
            if (!(await canManageUserStatus(read, user))) {
                return fail(forbidden());
            }
            const days = await readHistory(new RecordStore(read.getPersistenceReader()));
            return ok({ days: days.map(({ date, peak, cap }) => ({ date, peak, cap })) });
        },
    });
}

const invalidParams = (text: string) => ruleError('invalid-params', text);

function pagingParam(value: unknown, name: string): number | undefined | Error {
    if (value === undefined || value === '') {
        return undefined;
    }
    const n = Number(value);
    return Number.isInteger(n) && n >= 0 ? n : new Error(`The "${name}" param must be a whole number`);
}

/**
 * `GET status.audit` (admins): the audit trail, newest first, paged as Rocket.Chat pages
 * (`count`, `offset`), optionally of one user (`userId`: entries they did or that changed them):
 * `{entries, count, offset, total}`.
 */
export function statusAuditEndpoint(app: PresenceApp): IApiEndpoint {
    return appEndpoint(app, 'status.audit', {
        get: async ({ request, user, read }) => {
            if (!(await canManageUserStatus(read, user))) {
                return fail(forbidden());
            }
            const query = request.query ?? {};
            const unknown = Object.keys(query).filter((key) => !['count', 'offset', 'userId'].includes(key));
            if (unknown.length) {
                return fail(invalidParams('must NOT have additional properties'));
            }
            const count = pagingParam(query.count, 'count');
            const offset = pagingParam(query.offset, 'offset');
            for (const value of [count, offset]) {
                if (value instanceof Error) {
                    return fail(invalidParams(value.message));
                }
            }
            if (query.userId !== undefined && (typeof query.userId !== 'string' || query.userId.trim() === '')) {
                return fail(invalidParams('The "userId" param must be a user id'));
            }
            const paging = await readPagingSettings(read);
            const wanted = (count as number | undefined) ?? paging.defaultCount;
            const limit = wanted === 0 && paging.allowInfiniteCount ? 0 : Math.min(wanted || paging.defaultCount, paging.upperCountLimit);
            const all = await new AuditRepository(new RecordStore(read.getPersistenceReader())).list(query.userId as string | undefined);
            const entries = pageAudit(all, (offset as number | undefined) ?? 0, limit);
            return ok({
                entries: withAuditText(entries, languageOf(user)),
                count: entries.length,
                offset: (offset as number | undefined) ?? 0,
                total: all.length,
            });
        },
    });
}
