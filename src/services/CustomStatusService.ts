import { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { Result, fail, ok } from '../core/AppError';
import { Step } from '../core/change/Change';
import { Subject } from '../core/change/subjects';
import { CustomStatusErrors, CustomUserStatus, isCustomStatusType, newCustomStatusId } from '../core/customStatus/CustomUserStatus';
import { CustomStatusDraft, checkCustomStatus } from '../core/customStatus/rules';
import { AppSetting } from '../settings/AppSetting';
import { CustomStatusRepository, StoredCustomStatus, toCustomUserStatus } from '../storage/CustomStatusRepository';
import { RecordStore } from '../storage/records';
import { applyOwnStatus } from './applyOwnStatus';
import { auditStep, ChangeOrigin } from './audit';
import { ChangeEnv, storeOfEnv } from './change/ChangeEnv';
import { resultOf } from './change/changeResult';
import { runChange } from './change/runChange';
import { AppliedStatusChange } from './setUserStatus';

const newRev = () => `${Date.now().toString(36)}-${newCustomStatusId()}`;
const storedType = (statusType: string | null | undefined): string | null => (statusType ? statusType : null);
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export async function listAllCustomStatuses(read: IRead): Promise<CustomUserStatus[]> {
    const all = await new CustomStatusRepository(new RecordStore(read.getPersistenceReader())).all();
    return all.map(toCustomUserStatus).sort(byName);
}

/** The steps that store a new status. */
export const createSteps = (record: StoredCustomStatus): Step[] => [{ t: 'insert', assoc: CustomStatusRepository.associations(record), value: record }];

/** The steps that store a new version of a status (a rename goes under the new name) and drop the old versions. */
export const updateSteps = (versions: StoredCustomStatus[], next: StoredCustomStatus): Step[] => [
    { t: 'insert', assoc: CustomStatusRepository.associations(next), value: next },
    ...versions.map((version): Step => {
        const assoc = CustomStatusRepository.associations(version);
        return { t: 'remove', assoc, restore: [{ assoc, value: version }] };
    }),
];

/** The step that removes every version of a status. */
export const deleteSteps = (versions: StoredCustomStatus[]): Step[] => [
    {
        t: 'remove',
        assoc: CustomStatusRepository.recordAssociations(versions[0]._id),
        restore: versions.map((version) => ({ assoc: CustomStatusRepository.associations(version), value: version })),
    },
];

/** A new version of a stored status with these fields. */
export function nextVersion(current: StoredCustomStatus, fields: { name: string; statusType?: string | null }, now: Date): StoredCustomStatus {
    return {
        ...current,
        name: fields.name,
        statusType: fields.statusType === undefined ? current.statusType : storedType(fields.statusType),
        _updatedAt: now.toISOString(),
        rev: newRev(),
    };
}

export function newStoredStatus(fields: { name: string; statusType?: string | null }, now: Date): StoredCustomStatus {
    const at = now.toISOString();
    return { _id: newCustomStatusId(), name: fields.name, statusType: storedType(fields.statusType), _updatedAt: at, _createdAt: at, rev: newRev() };
}

const mirror = { t: 'mirror' as const, setting: AppSetting.CustomStatuses };

/**
 * Creates a custom status (no `_id`) or updates one, with Rocket.Chat's rules in its order, as one
 * change: the record, its audit entry, then the settings page's copy. Every custom status change
 * holds one subject for the cluster, so names stay unique across instances.
 */
export async function saveCustomStatus(env: ChangeEnv, origin: ChangeOrigin, draft: CustomStatusDraft, canManage: boolean): Promise<Result<CustomUserStatus>> {
    const repository = new CustomStatusRepository(storeOfEnv(env));
    const outcome = await runChange<Result<CustomUserStatus>>(env, {
        kind: draft._id ? 'custom-status-update' : 'custom-status-create',
        subjects: [Subject.customStatuses],
        plan: async () => {
            const [versions, all] = await Promise.all([draft._id ? repository.versions(draft._id) : [], repository.all()]);
            const current = all.find((status) => status._id === draft._id);
            if (draft._id && !current) {
                return { refuse: fail(CustomStatusErrors.notFoundForUpdate(draft._id)) };
            }
            const checked = checkCustomStatus(draft, { canManage, existing: all });
            if (!checked.ok) {
                return { refuse: fail(checked.error) };
            }
            const now = new Date();
            const written = current ? nextVersion(current, draft, now) : newStoredStatus(draft, now);
            const record = toCustomUserStatus(written);
            const audit = current
                ? auditStep(origin, 'custom-user-status.update', {
                      _id: record._id,
                      name: record.name,
                      statusType: record.statusType,
                      previous: { name: current.name, statusType: current.statusType ?? null },
                  })
                : auditStep(origin, 'custom-user-status.create', { _id: record._id, name: record.name, statusType: record.statusType });
            return { steps: [...(current ? updateSteps(versions, written) : createSteps(written)), audit], followUps: [mirror], answer: ok(record) };
        },
    });
    return resultOf(outcome);
}

/** Deletes a custom status, with its audit entry and the settings page's copy. Users who show it keep their status and message (as in Rocket.Chat). */
export async function deleteCustomStatus(env: ChangeEnv, origin: ChangeOrigin, id: string, canManage: boolean): Promise<Result<CustomUserStatus>> {
    if (!canManage) {
        return fail(CustomStatusErrors.notAuthorized());
    }
    const repository = new CustomStatusRepository(storeOfEnv(env));
    const outcome = await runChange<Result<CustomUserStatus>>(env, {
        kind: 'custom-status-delete',
        subjects: [Subject.customStatuses],
        plan: async () => {
            const versions = await repository.versions(id);
            const current = await repository.findById(id);
            if (!current || versions.length === 0) {
                return { refuse: fail(CustomStatusErrors.invalidForDelete()) };
            }
            const record = toCustomUserStatus(current);
            const audit = auditStep(origin, 'custom-user-status.delete', { _id: record._id, name: record.name, statusType: record.statusType });
            return { steps: [...deleteSteps(versions), audit], followUps: [mirror], answer: ok(record) };
        },
    });
    return resultOf(outcome);
}

/** Finds a custom status by id, else by exact name, else by name ignoring case. */
export async function findCustomStatus(read: IRead, idOrName: string): Promise<CustomUserStatus | undefined> {
    const repository = new CustomStatusRepository(new RecordStore(read.getPersistenceReader()));
    const found = (await repository.findById(idOrName)) ?? (await repository.findByName(idOrName));
    if (found) {
        return toCustomUserStatus(found);
    }
    const lower = idOrName.trim().toLowerCase();
    const match = (await repository.all()).find((s) => s.name.trim().toLowerCase() === lower);
    return match && toCustomUserStatus(match);
}

/**
 * Choosing a custom status: the user's status becomes its presence and the message its name.
 * A status without a presence sets the message only.
 */
export async function chooseCustomStatus(
    env: ChangeEnv,
    user: IUser,
    status: CustomUserStatus,
    options: { expiresAt?: Date; now?: Date } = {},
): Promise<Result<AppliedStatusChange>> {
    return applyOwnStatus(
        env,
        user,
        { message: status.name, ...(isCustomStatusType(status.statusType) ? { status: status.statusType } : {}), expiresAt: options.expiresAt },
        options.now,
    );
}
