import { Result, fail, invalidParams, ok, ruleError } from '../AppError';
import { DEFAULT_PAGING, pageOf, PagingSettings, readPaging } from '../paging';
import { CustomUserStatus } from './CustomUserStatus';

export type SortSpec = Array<[keyof CustomUserStatus, 1 | -1]>;

export interface ListQuery {
    offset: number;
    /** 0: no limit; below 0: at most that many (MongoDB's negative limit) */
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

const firstString = (value: unknown): string | undefined => (Array.isArray(value) ? firstString(value[0]) : typeof value === 'string' ? value : undefined);

/**
 * `custom-user-status.list`'s query, as Rocket.Chat reads it: the schema (only count, offset,
 * sort, name, _id, query; numbers where numbers go), then `getPaginationItems` and `parseJsonQuery`.
 */
export function parseListQuery(params: Record<string, unknown>, settings: PagingSettings = DEFAULT_PAGING): Result<ListQuery> {
    for (const key of Object.keys(params)) {
        if (!ALLOWED_PARAMS.has(key)) {
            return fail(invalidParams('must NOT have additional properties'));
        }
    }
    const paging = readPaging(params, settings);
    if (!paging.ok) {
        return paging;
    }
    const { offset, count } = paging.value;

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
    const statuses = pageOf(sorted, query);
    return { statuses, count: statuses.length, offset: query.offset, total: matching.length };
}
