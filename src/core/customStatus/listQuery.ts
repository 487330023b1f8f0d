import { Result, fail, ok, ruleError } from '../AppError';
import { CustomUserStatus } from './CustomUserStatus';

/** Workspace settings that bound paging, as Rocket.Chat's `getPaginationItems` reads them. */
export interface PagingSettings {
    defaultCount: number;
    upperCountLimit: number;
    allowInfiniteCount: boolean;
}

export const DEFAULT_PAGING: PagingSettings = { defaultCount: 50, upperCountLimit: 100, allowInfiniteCount: true };

export type SortSpec = Array<[keyof CustomUserStatus, 1 | -1]>;

export interface ListQuery {
    offset: number;
    /** 0 = no limit */
    count: number;
    sort: SortSpec;
    name?: string;
    _id?: string;
    /** the deprecated `query` parameter: exact matches on record fields */
    equals: Partial<Record<keyof CustomUserStatus, string>>;
}

export interface ListPage {
    statuses: CustomUserStatus[];
    count: number;
    offset: number;
    total: number;
}

const ALLOWED_PARAMS = new Set(['count', 'offset', 'sort', 'name', '_id', 'query']);
const FIELDS: ReadonlyArray<keyof CustomUserStatus> = ['_id', 'name', 'statusType', '_updatedAt'];

const invalidParams = (message: string) => ruleError('invalid-params', message);

function asNumber(value: unknown): number | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    return n;
}

const firstString = (value: unknown): string | undefined => (Array.isArray(value) ? firstString(value[0]) : typeof value === 'string' ? value : undefined);

/**
 * `custom-user-status.list`'s query, as Rocket.Chat reads it: the schema (only count, offset,
 * sort, name, _id, query; numbers where numbers go), then `getPaginationItems` and `parseJsonQuery`.
 */
export function parseListQuery(params: Record<string, unknown>, paging: PagingSettings = DEFAULT_PAGING): Result<ListQuery> {
    for (const key of Object.keys(params)) {
        if (!ALLOWED_PARAMS.has(key)) {
            return fail(invalidParams('must NOT have additional properties'));
        }
    }
    const rawCount = asNumber(firstString(params.count) ?? params.count);
    const rawOffset = asNumber(firstString(params.offset) ?? params.offset);
    if ((rawCount !== undefined && Number.isNaN(rawCount)) || (rawOffset !== undefined && Number.isNaN(rawOffset))) {
        return fail(invalidParams('must be number'));
    }
    const defaultCount = paging.defaultCount <= 0 ? 50 : paging.defaultCount;
    const upper = paging.upperCountLimit <= 0 ? 100 : paging.upperCountLimit;
    const offset = rawOffset ? Math.trunc(rawOffset) : 0;
    let count = rawCount === undefined ? defaultCount : Math.trunc(rawCount || 0);
    if (count > upper) {
        count = upper;
    }
    if (count === 0 && !paging.allowInfiniteCount) {
        count = defaultCount;
    }

    let sort: SortSpec = [['name', 1]];
    const sortText = firstString(params.sort);
    if (sortText) {
        const parsed = parseSort(sortText);
        if (!parsed) {
            return fail(ruleError('error-invalid-sort', `Invalid sort parameter provided: "${sortText}"`));
        }
        sort = parsed;
    }
    const equals: ListQuery['equals'] = {};
    const queryText = firstString(params.query);
    if (queryText) {
        const parsed = parseEquals(queryText);
        if (!parsed) {
            return fail(ruleError('error-invalid-query', `Invalid query parameter provided: "${queryText}"`));
        }
        Object.assign(equals, parsed);
    }
    const name = firstString(params.name);
    const id = firstString(params._id);
    return ok({ offset, count, sort, equals, ...(name ? { name } : {}), ...(id ? { _id: id } : {}) });
}

function parseSort(text: string): SortSpec | undefined {
    try {
        const value: unknown = JSON.parse(text);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            return undefined;
        }
        const spec: SortSpec = [];
        for (const [key, direction] of Object.entries(value)) {
            if (direction !== 1 && direction !== -1) {
                return undefined;
            }
            if ((FIELDS as ReadonlyArray<string>).includes(key)) {
                spec.push([key as keyof CustomUserStatus, direction]);
            }
        }
        return spec.length ? spec : [['name', 1]];
    } catch {
        return undefined;
    }
}

function parseEquals(text: string): ListQuery['equals'] | undefined {
    try {
        const value: unknown = JSON.parse(text);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            return undefined;
        }
        const equals: ListQuery['equals'] = {};
        for (const [key, wanted] of Object.entries(value)) {
            if (!(FIELDS as ReadonlyArray<string>).includes(key) || typeof wanted !== 'string') {
                return undefined;
            }
            equals[key as keyof CustomUserStatus] = wanted;
        }
        return equals;
    } catch {
        return undefined;
    }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Filters (`name` a case-insensitive substring, `_id` exact), sorts and pages the records. */
export function listCustomStatuses(all: ReadonlyArray<CustomUserStatus>, query: ListQuery): ListPage {
    const needle = query.name?.toLowerCase();
    const matching = all.filter(
        (status) =>
            (needle === undefined || status.name.toLowerCase().includes(needle)) &&
            (query._id === undefined || status._id === query._id) &&
            Object.entries(query.equals).every(([key, wanted]) => status[key as keyof CustomUserStatus] === wanted),
    );
    const sorted = [...matching].sort((a, b) => {
        for (const [key, direction] of query.sort) {
            const order = compare(String(a[key] ?? ''), String(b[key] ?? ''));
            if (order !== 0) {
                return order * direction;
            }
        }
        return compare(a._id, b._id);
    });
    const statuses = sorted.slice(query.offset, query.count > 0 ? query.offset + query.count : undefined);
    return { statuses, count: statuses.length, offset: query.offset, total: matching.length };
}
