/**
 * `writeExclusively` under every interleaving of two writers: each store operation waits for its
 * turn, and the test runs every order of turns (a small model check). Whatever the order, at most
 * one writer wins, the winner's record is the one that stays, and no two records remain.
 */
import { writeExclusively, ExclusiveWriteOutcome } from '../../../src/core/concurrency/exclusiveWrite';

type Writer = 'A' | 'B';

/** Runs the writers' operations one at a time, in the order the schedule gives (then in any order). */
class Turns {
    private waiting: Array<{ who: Writer; go: () => void }> = [];
    private done = new Set<Writer>();

    constructor(private readonly schedule: Writer[]) {}

    public turn(who: Writer): Promise<void> {
        return new Promise((go) => {
            this.waiting.push({ who, go });
            this.next();
        });
    }

    public finish(who: Writer): void {
        this.done.add(who);
        this.next();
    }

    private next(): void {
        const alive = (['A', 'B'] as Writer[]).filter((w) => !this.done.has(w));
        // wait until every writer still running is waiting for a turn
        if (alive.length === 0 || alive.some((w) => !this.waiting.some((t) => t.who === w))) {
            return;
        }
        while (this.schedule.length > 0 && !alive.includes(this.schedule[0])) {
            this.schedule.shift();
        }
        const who = this.schedule.shift() ?? alive[0];
        const index = this.waiting.findIndex((t) => t.who === who);
        const [turn] = this.waiting.splice(index, 1);
        turn.go();
    }
}

async function run(schedule: Writer[]): Promise<{ outcomes: Record<Writer, ExclusiveWriteOutcome<string>['kind']>; records: Writer[] }> {
    const turns = new Turns([...schedule]);
    const records: Writer[] = [];
    const writer = async (who: Writer) => {
        const outcome = await writeExclusively<string>(
            {
                check: async () => {
                    await turns.turn(who);
                    return records.some((r) => r !== who) ? 'taken' : undefined;
                },
                write: async () => {
                    await turns.turn(who);
                    records.push(who);
                },
                othersPresent: async () => {
                    await turns.turn(who);
                    return records.some((r) => r !== who);
                },
                undo: async () => {
                    await turns.turn(who);
                    records.splice(records.indexOf(who), 1);
                },
            },
            { maxAttempts: 6, sleep: () => turns.turn(who) },
        );
        turns.finish(who);
        return outcome.kind;
    };
    const [a, b] = await Promise.all([writer('A'), writer('B')]);
    return { outcomes: { A: a, B: b }, records };
}

/** Every sequence of `length` turns over the two writers. */
function schedules(length: number): Writer[][] {
    if (length === 0) return [[]];
    return schedules(length - 1).flatMap((s) => [
        [...s, 'A' as Writer],
        [...s, 'B' as Writer],
    ]);
}

describe('writeExclusively, every interleaving of two writers', () => {
    const all = schedules(10);

    it(`explores ${all.length} orders`, () => expect(all.length).toBe(1024));

    it('never two winners, never two records, and the winner keeps its record', async () => {
        for (const schedule of all) {
            const { outcomes, records } = await run(schedule);
            const winners = (['A', 'B'] as Writer[]).filter((w) => outcomes[w] === 'written');
            expect(winners.length).toBeLessThanOrEqual(1);
            expect(records.length).toBeLessThanOrEqual(1);
            if (winners.length === 1) {
                expect(records).toEqual(winners);
            }
            // a loser saw the winner's record (refused) or ran out of attempts; it never holds a record
            for (const w of ['A', 'B'] as Writer[]) {
                if (outcomes[w] !== 'written') {
                    expect(records).not.toContain(w);
                }
            }
        }
    });

    it('some orders make both writers collide and retry, and one of them still wins', async () => {
        const { outcomes, records } = await run(['A', 'B', 'A', 'B', 'A', 'B']);
        expect(Object.values(outcomes).filter((o) => o === 'written')).toHaveLength(1);
        expect(records).toHaveLength(1);
    });
});
