import { AppError, fail, invalidParams, ok, Result } from './AppError';

/** Workspace settings that bound paging, as Rocket.Chat's `getPaginationItems` reads them. */
export interface PagingSettings {
    defaultCount: number;
    upperCountLimit: number;
    allowInfiniteCount: boolean;
}

export const DEFAULT_PAGING: PagingSettings = { defaultCount: 50, upperCountLimit: 100, allowInfiniteCount: true };

export interface Paging {
    offset: number;
    /** 0: no limit; below 0: at most that many (MongoDB's negative limit) */
    count: number;
}

/**
 * A `count` or `offset` query parameter as Rocket.Chat's route schema takes it (`type: number`,
 * nullable, with AJV's type coercion): absent, empty or not finite (`1e309`, `Infinity`) is
 * absent; a number in any form `Number()` reads (`-1`, `1.5`, `0x10`) is that number; anything
 * else, or the parameter given twice, is refused with AJV's message.
 */
export function coercePagingParam(value: unknown): Result<number | undefined> {
    if (value === undefined || value === null) {
        return ok(undefined);
    }
    if (typeof value === 'number') {
        return ok(Number.isFinite(value) ? value : undefined);
    }
    if (typeof value !== 'string') {
        return fail(invalidParams('must be number'));
    }
    const trimmed = value.trim();
    if (trimmed === '') {
        return ok(undefined);
    }
    const n = Number(trimmed);
    if (Number.isNaN(n)) {
        return fail(invalidParams('must be number'));
    }
    return ok(Number.isFinite(n) ? n : undefined);
}

/** MongoDB's refusal of a negative `skip`, which Rocket.Chat answers as it comes (400 `{error}`). */
export const negativeOffsetError = (offset: number): AppError => ({ kind: 'invalid', text: `BSON field 'skip' value must be >= 0, actual value '${offset}'` });

/**
 * Rocket.Chat's paging (`getPaginationItems`, after its schema): `offset` the integer part when
 * given and not 0, else 0 (a negative one is refused as MongoDB refuses it); `count` the integer
 * part when given, else the default, never above the upper limit, 0 meaning "all" only when
 * infinite counts are allowed (else the default); a negative count is kept (MongoDB then returns
 * at most that many).
 */
export function readPaging(params: { count?: unknown; offset?: unknown }, settings: PagingSettings = DEFAULT_PAGING): Result<Paging> {
    const count = coercePagingParam(params.count);
    if (!count.ok) {
        return count;
    }
    const offset = coercePagingParam(params.offset);
    if (!offset.ok) {
        return offset;
    }
    const defaultCount = settings.defaultCount <= 0 ? 50 : settings.defaultCount;
    const upper = settings.upperCountLimit <= 0 ? 100 : settings.upperCountLimit;
    const skip = offset.value ? Math.trunc(offset.value) : 0;
    if (skip < 0) {
        return fail(negativeOffsetError(skip));
    }
    let limit = count.value === undefined ? defaultCount : Math.trunc(count.value);
    if (limit > upper) {
        limit = upper;
    }
    if (limit === 0 && !settings.allowInfiniteCount) {
        limit = defaultCount;
    }
    return ok({ offset: skip, count: limit });
}

/** The page of a list: `count` 0 all from the offset, below 0 at most that many. */
export function pageOf<T>(all: ReadonlyArray<T>, paging: Paging): T[] {
    const limit = Math.abs(paging.count);
    return all.slice(paging.offset, limit > 0 ? paging.offset + limit : undefined);
}
