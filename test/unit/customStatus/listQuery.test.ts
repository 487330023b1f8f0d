import { errorText } from '../../../src/core/AppError';
import { CustomUserStatus } from '../../../src/core/customStatus/CustomUserStatus';
import { listCustomStatuses, parseListQuery } from '../../../src/core/customStatus/listQuery';

const s = (id: string, name: string, statusType = 'busy'): CustomUserStatus => ({ _id: id, name, statusType, _updatedAt: `2024-01-0${id}T00:00:00.000Z` });
const all = [s('1', 'Lunch', 'away'), s('2', 'Deep work'), s('3', 'lunch break', 'online'), s('4', 'Meeting')];

const run = (params: Record<string, unknown>, paging?: Parameters<typeof parseListQuery>[1]) => {
    const query = parseListQuery(params, paging);
    if (!query.ok) {
        throw new Error(errorText(query.error));
    }
    return listCustomStatuses(all, query.value);
};
const names = (params: Record<string, unknown>) => run(params).statuses.map((x) => x.name);

describe('custom-user-status.list query', () => {
    test('sorted by name by default, with count/offset/total', () => {
        expect(run({})).toEqual({ statuses: [all[1], all[0], all[3], all[2]], count: 4, offset: 0, total: 4 });
    });
    test('name is a case-insensitive substring, regex characters literal', () => {
        expect(names({ name: 'LUNCH' })).toEqual(['Lunch', 'lunch break']);
        expect(names({ name: '.*' })).toEqual([]);
    });
    test('_id is exact', () => {
        expect(names({ _id: '4' })).toEqual(['Meeting']);
        expect(names({ _id: '4x' })).toEqual([]);
    });
    test('paging from strings; total counts every match', () => {
        expect(run({ count: '2', offset: '1' })).toMatchObject({ count: 2, offset: 1, total: 4 });
        expect(names({ count: '2', offset: '1' })).toEqual(['Lunch', 'Meeting']);
    });
    test('count is capped by the upper limit; 0 means all when infinite count is allowed', () => {
        expect(parseListQuery({ count: '500' }).ok && (parseListQuery({ count: '500' }) as { value: { count: number } }).value.count).toBe(100);
        expect(run({ count: '0' }).count).toBe(4);
        expect(run({ count: '0' }, { defaultCount: 2, upperCountLimit: 100, allowInfiniteCount: false }).count).toBe(2);
    });
    test('sort param', () => {
        expect(names({ sort: '{"name":-1}' })).toEqual(['lunch break', 'Meeting', 'Lunch', 'Deep work']);
        expect(names({ sort: '{"statusType":1,"name":1}' })).toEqual(['Lunch', 'Deep work', 'Meeting', 'lunch break']);
    });
    test.each([
        [{ sort: 'name' }, 'Invalid sort parameter provided: "name" [error-invalid-sort]'],
        [{ sort: '{"name":2}' }, 'Invalid sort parameter provided: "{"name":2}" [error-invalid-sort]'],
        [{ foo: '1' }, 'must NOT have additional properties'],
        [{ count: 'ten' }, 'must be number'],
        [{ count: 'NaN' }, 'must be number'],
        [{ offset: '5abc' }, 'must be number'],
        [{ count: ['1', '2'] }, 'must be number'],
        [{ offset: '-1' }, "BSON field 'skip' value must be >= 0, actual value '-1'"],
        [{ query: '{bad' }, 'Invalid query parameter provided: "{bad" [error-invalid-query]'],
    ])('refuses %p', (params, text) => {
        const query = parseListQuery(params);
        expect(query.ok ? undefined : errorText(query.error)).toBe(text);
    });
    test("numbers as Rocket.Chat's schema coerces them, then its paging (negative counts as MongoDB's limit)", () => {
        expect(run({ count: '-1' })).toMatchObject({ count: 1, total: 4 });
        expect(run({ count: '-3' }).count).toBe(3);
        expect(run({ count: '1.5', offset: '1.9' })).toMatchObject({ count: 1, offset: 1 });
        expect(run({ count: '0x2' }).count).toBe(2);
        // not finite, or empty: as if absent
        for (const value of ['1e309', 'Infinity', '-Infinity', '']) {
            expect(run({ count: value, offset: value })).toMatchObject({ count: 4, offset: 0 });
        }
    });
    test('the refusals of the schema answer its error type and text', () => {
        const query = parseListQuery({ count: 'ten' });
        expect(query.ok ? undefined : query.error).toEqual({ kind: 'params', text: 'must be number' });
    });
    test('query param: exact fields', () => {
        expect(names({ query: '{"statusType":"busy"}' })).toEqual(['Deep work', 'Meeting']);
    });
});
