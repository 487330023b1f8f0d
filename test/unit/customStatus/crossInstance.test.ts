/**
 * Custom status names stay unique when several server instances, each with its own copy of the
 * app (here: separate module registries, so separate in-process locks), write to one store that
 * has no atomic update (here: every persistence call takes a random few ms, so writers interleave).
 */
import { errorText, Result } from '../../../src/core/AppError';
import { CustomUserStatus } from '../../../src/core/customStatus/CustomUserStatus';
import type * as Service from '../../../src/services/CustomStatusService';
import { CustomStatusRepository } from '../../../src/storage/CustomStatusRepository';
import { RecordStore } from '../../../src/storage/records';
import { FakeWorld } from '../../doubles/world';

/** One copy of the app's custom-status service per instance. */
function instances(n: number): Array<typeof Service> {
    const copies: Array<typeof Service> = [];
    for (let i = 0; i < n; i++) {
        jest.isolateModules(() => {
            copies.push(jest.requireActual('../../../src/services/CustomStatusService'));
        });
    }
    return copies;
}

const IN_USE = 'The custom user status name is already in use [Custom_User_Status_Error_Name_Already_In_Use]';
const outcome = (r: Result<CustomUserStatus>) => (r.ok ? 'ok' : errorText(r.error));

describe('custom status names across two instances', () => {
    test('20 simultaneous creates of one name spread over both, 20 times: one record and one ok each time', async () => {
        const [a, b] = instances(2);
        for (let round = 0; round < 20; round++) {
            const world = new FakeWorld();
            world.jitterMs = 4;
            const env = world.env();
            const results = await Promise.all(
                Array.from({ length: 20 }, (_, i) =>
                    (i % 2 === 0 ? a : b).saveCustomStatus(env, { source: 'rest' }, { name: 'Race', statusType: 'busy' }, true),
                ),
            );
            const oks = results.filter((r) => r.ok);
            expect(oks).toHaveLength(1);
            expect(results.filter((r) => !r.ok).map(outcome)).toEqual(Array(19).fill(IN_USE));
            const records = await new CustomStatusRepository(new RecordStore(world.persistenceReader())).all();
            expect(records.map((r) => r._id)).toEqual([(oks[0] as { value: CustomUserStatus }).value._id]);
        }
    });

    test('renames of two records to one name at once: one wins, the other keeps its old name', async () => {
        const [a, b] = instances(2);
        for (let round = 0; round < 10; round++) {
            const world = new FakeWorld();
            const env = world.env();
            const x = await a.saveCustomStatus(env, { source: 'rest' }, { name: 'X', statusType: 'busy' }, true);
            const y = await b.saveCustomStatus(env, { source: 'rest' }, { name: 'Y', statusType: 'away' }, true);
            world.jitterMs = 4;
            const [rx, ry] = await Promise.all([
                a.saveCustomStatus(env, { source: 'rest' }, { _id: (x as { value: CustomUserStatus }).value._id, name: 'Z' }, true),
                b.saveCustomStatus(env, { source: 'rest' }, { _id: (y as { value: CustomUserStatus }).value._id, name: 'Z' }, true),
            ]);
            expect([outcome(rx), outcome(ry)].sort()).toEqual([IN_USE, 'ok'].sort());
            const names = (await new CustomStatusRepository(new RecordStore(world.persistenceReader())).all()).map((r) => r.name).sort();
            expect(names).toEqual(rx.ok ? ['Y', 'Z'] : ['X', 'Z']);
        }
    });
});
