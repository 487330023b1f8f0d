import { IApiEndpoint } from '@rocket.chat/apps-engine/definition/api';

import { fail, forbidden, invalidParams, ok } from '../core/AppError';
import { newestFirst } from '../core/audit/AuditEntry';
import { pageOf, readPaging } from '../core/paging';
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
            if (query.userId !== undefined && (typeof query.userId !== 'string' || query.userId.trim() === '')) {
                return fail(invalidParams('The "userId" param must be a user id'));
            }
            const paging = readPaging(query, await readPagingSettings(read));
            if (!paging.ok) {
                return paging;
            }
            const all = await new AuditRepository(new RecordStore(read.getPersistenceReader())).list(query.userId as string | undefined);
            const entries = pageOf(newestFirst(all), paging.value);
            return ok({ entries: withAuditText(entries, languageOf(user)), count: entries.length, offset: paging.value.offset, total: all.length });
        },
    });
}
