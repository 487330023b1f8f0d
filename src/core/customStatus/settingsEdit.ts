import { AppError } from '../AppError';
import { CustomUserStatus } from './CustomUserStatus';
import { checkCustomStatusFields } from './rules';
import { SettingsOp } from './settingsText';

/** One record's change in an edit of the settings text: created (no `before`), updated, or deleted (no `after`). */
export interface RecordEdit<T> {
    before?: T;
    after?: T;
}

export interface VersionFactory<T> {
    create(fields: { name: string; statusType: string }): T;
    update(current: T, fields: { name: string; statusType: string }): T;
}

/** The records' changes, or the first rule an operation breaks (with the name it concerns). */
export type EditPlan<T> = { ok: true; edits: Array<RecordEdit<T>> } | { ok: false; error: AppError; name: string };

const sameType = (record: CustomUserStatus, statusType: string) => (record.statusType ?? '') === statusType;

/**
 * What an admin's edit of the settings text does to the stored statuses, as a whole: each
 * operation applied in turn to a working copy (a create of a name that exists with the same
 * presence, a delete of a name that is gone, change nothing), every result checked with the
 * custom-status rules; one broken rule refuses the whole edit. Pure.
 */
export function planSettingsEdit<T extends CustomUserStatus>(
    records: ReadonlyArray<T>,
    ops: ReadonlyArray<SettingsOp>,
    versions: VersionFactory<T>,
): EditPlan<T> {
    const working = new Map(records.map((record) => [record._id, record]));
    const edits = new Map<string, RecordEdit<T>>();
    const named = (name: string) => {
        const all = [...working.values()];
        return all.find((record) => record.name === name) ?? all.find((record) => record.name.trim() === name);
    };
    /** writes a new version into the working copy; answers the rule it breaks, if any */
    const write = (next: T): AppError | undefined => {
        const checked = checkCustomStatusFields({ _id: next._id, name: next.name, statusType: next.statusType }, [...working.values()]);
        if (!checked.ok) {
            return checked.error;
        }
        edits.set(next._id, { before: edits.has(next._id) ? edits.get(next._id)?.before : working.get(next._id), after: next });
        working.set(next._id, next);
        return undefined;
    };
    for (const op of ops) {
        if (op.kind === 'delete') {
            const existing = named(op.name);
            if (existing) {
                edits.set(existing._id, { before: edits.has(existing._id) ? edits.get(existing._id)?.before : existing });
                working.delete(existing._id);
            }
            continue;
        }
        const [from, to] = op.kind === 'rename' ? [op.from, op.to] : [op.name, op.name];
        const existing = named(from) ?? named(to);
        if (existing && existing.name.trim() === to && sameType(existing, op.statusType)) {
            continue;
        }
        const fields = { name: existing && op.kind !== 'rename' ? existing.name : to, statusType: op.statusType };
        const error = write(existing ? versions.update(existing, fields) : versions.create(fields));
        if (error) {
            return { ok: false, error, name: to };
        }
    }
    // a record created and deleted within one edit leaves nothing
    return { ok: true, edits: [...edits.values()].filter((edit) => edit.before || edit.after) };
}
