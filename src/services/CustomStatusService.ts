import { ILogger, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { Result, fail, ok } from '../core/AppError';
import { AuditAction } from '../core/audit/AuditEntry';
import { writeExclusively } from '../core/concurrency/exclusiveWrite';
import { CustomStatusErrors, CustomUserStatus, isCustomStatusType, newCustomStatusId } from '../core/customStatus/CustomUserStatus';
import { KeyedMutex } from '../core/concurrency/KeyedMutex';
import { CustomStatusDraft, checkCustomStatus } from '../core/customStatus/rules';
import { SettingsOp, serializeCustomStatuses } from '../core/customStatus/settingsText';
import { SerialQueue } from '../core/concurrency/SerialQueue';
import { AppSetting } from '../settings/AppSetting';
import { appSettingValue } from '../settings/readSettings';
import { CustomStatusRepository, StoredCustomStatus, toCustomUserStatus } from '../storage/CustomStatusRepository';
import { RecordStore } from '../storage/records';
import { SettingsEchoRepository } from '../storage/SettingsEchoRepository';
import { applyOwnStatus } from './applyOwnStatus';
import { ChangeOrigin, recordAudit } from './audit';
import { AppliedStatusChange } from './setUserStatus';

/** Writes the settings page's copy of the list (the app's environment writer); absent where nothing looks at it. */
export type SettingsTextWriter = (text: string) => Promise<void>;

export interface CustomStatusAccess {
    read: IRead;
    persistence: IPersistence;
    /** keeps the Apps settings page in step after every change */
    writeSettingsText?: SettingsTextWriter;
    /** who acts and from where: each change goes into the audit trail */
    origin?: ChangeOrigin;
    logger?: ILogger;
    now?: () => Date;
}

async function auditChange(access: CustomStatusAccess, action: AuditAction, details: Record<string, unknown>): Promise<void> {
    if (access.origin) {
        await recordAudit({ read: access.read, persis: access.persistence, logger: access.logger }, access.origin, action, details);
    }
}

/** Within one process, writes to one name or record run one at a time (fewer collisions); across instances `writeExclusively` decides. */
const locks = new KeyedMutex();
const mirrorQueue = new SerialQueue();

const nameKey = (name: string) => `name:${name}`;
const idKey = (id: string) => `id:${id}`;
const newRev = () => `${Date.now().toString(36)}-${newCustomStatusId()}`;
const storeOf = (access: Pick<CustomStatusAccess, 'read' | 'persistence'>) => new RecordStore(access.read.getPersistenceReader(), access.persistence);
const repositoryOf = (access: CustomStatusAccess) => new CustomStatusRepository(storeOf(access));

export async function listAllCustomStatuses(read: IRead): Promise<CustomUserStatus[]> {
    const all = await new CustomStatusRepository(new RecordStore(read.getPersistenceReader())).all();
    return all.map(toCustomUserStatus).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const storedType = (statusType: string | null | undefined): string | null => (statusType ? statusType : null);

/**
 * Creates a custom status (no `_id`) or updates one, with Rocket.Chat's rules in its order. The
 * name stays unique across server instances without atomic operations: the record is written,
 * the name read back, and when another writer's record holds it too, this one is taken back and
 * the whole request retried after a random pause (the retry then sees the other record and
 * answers "name in use"). An answered success is never taken back.
 */
export async function saveCustomStatus(access: CustomStatusAccess, draft: CustomStatusDraft, canManage: boolean): Promise<Result<CustomUserStatus>> {
    const repository = repositoryOf(access);
    const now = () => (access.now ?? (() => new Date()))().toISOString();
    const keys = draft._id ? [nameKey(draft.name), idKey(draft._id)] : [nameKey(draft.name)];
    const result = await locks.runAll(keys, async (): Promise<Result<CustomUserStatus>> => {
        let current: StoredCustomStatus | undefined;
        let written: StoredCustomStatus | undefined;
        const outcome = await writeExclusively<Result<CustomUserStatus>>({
            check: async () => {
                current = draft._id ? await repository.findById(draft._id) : undefined;
                if (draft._id && !current) {
                    return fail(CustomStatusErrors.notFoundForUpdate(draft._id));
                }
                const checked = checkCustomStatus(draft, { canManage, existing: await repository.all() });
                return checked.ok ? undefined : fail(checked.error);
            },
            write: async () => {
                const at = now();
                written = current
                    ? {
                          ...current,
                          name: draft.name,
                          statusType: draft.statusType === undefined ? current.statusType : storedType(draft.statusType),
                          _updatedAt: at,
                          rev: newRev(),
                      }
                    : { _id: newCustomStatusId(), name: draft.name, statusType: storedType(draft.statusType), _updatedAt: at, _createdAt: at, rev: newRev() };
                await (current ? repository.replace(current, written) : repository.insert(written));
            },
            othersPresent: async () => (await repository.findAllByName(draft.name)).some((holder) => holder._id !== written?._id),
            undo: async () => {
                if (written) {
                    await (current ? repository.replace(written, { ...current, rev: newRev() }) : repository.removeVersion(written));
                }
            },
        });
        switch (outcome.kind) {
            case 'written': {
                const record = toCustomUserStatus(written as StoredCustomStatus);
                await auditChange(
                    access,
                    current ? 'custom-user-status.update' : 'custom-user-status.create',
                    current
                        ? {
                              _id: record._id,
                              name: record.name,
                              statusType: record.statusType,
                              previous: { name: current.name, statusType: current.statusType ?? null },
                          }
                        : { _id: record._id, name: record.name, statusType: record.statusType },
                );
                return ok(record);
            }
            case 'refused':
                return outcome.answer;
            case 'contended':
                return fail(CustomStatusErrors.nameInUse());
        }
    });
    if (result.ok) {
        await mirrorToSettings(access);
    }
    return result;
}

/** Deletes a custom status. Users who show it keep their status and message (as in Rocket.Chat). */
export async function deleteCustomStatus(access: CustomStatusAccess, id: string, canManage: boolean): Promise<Result<CustomUserStatus>> {
    if (!canManage) {
        return fail(CustomStatusErrors.notAuthorized());
    }
    const removed = await locks.run(idKey(id), () => repositoryOf(access).remove(id));
    if (!removed) {
        return fail(CustomStatusErrors.invalidForDelete());
    }
    await auditChange(access, 'custom-user-status.delete', { _id: removed._id, name: removed.name, statusType: removed.statusType ?? null });
    await mirrorToSettings(access);
    return ok(toCustomUserStatus(removed));
}

/** Whether the text is the app's own last write to the setting (its echo in the setting hooks), on any instance. */
export async function isAppWrittenSettingsText(read: IRead, text: unknown): Promise<boolean> {
    return new SettingsEchoRepository(new RecordStore(read.getPersistenceReader())).isLastWritten(text);
}

/**
 * Writes the list to the settings page, from the records as they are when its turn comes (one
 * write at a time per process, so the last one written shows the latest state). The text is
 * recorded first, so that every instance's hook knows the echo for the app's own.
 */
export async function mirrorToSettings(access: CustomStatusAccess): Promise<void> {
    const write = access.writeSettingsText;
    if (!write) {
        return;
    }
    await mirrorQueue.run(async () => {
        const text = serializeCustomStatuses(await repositoryOf(access).all());
        if ((await appSettingValue(access.read, AppSetting.CustomStatuses)) === text) {
            return;
        }
        await new SettingsEchoRepository(storeOf(access)).save(text);
        await write(text);
    });
}

export interface AppliedSettingsOp {
    op: SettingsOp;
    result: Result<CustomUserStatus>;
}

/**
 * Applies an admin's edit of the settings text: each operation through the same rules and
 * exclusive writes as the REST endpoints. An operation that already holds (an echo, a repeat,
 * the same edit applied by another instance) changes nothing and succeeds.
 */
export async function applySettingsOps(access: CustomStatusAccess, ops: ReadonlyArray<SettingsOp>): Promise<AppliedSettingsOp[]> {
    const repository = repositoryOf(access);
    const quiet: CustomStatusAccess = { ...access, writeSettingsText: undefined };
    const results: AppliedSettingsOp[] = [];
    const byName = async (name: string) => (await repository.findByName(name)) ?? (await repository.all()).find((s) => s.name.trim() === name);
    const sameType = (record: StoredCustomStatus, statusType: string) => (record.statusType ?? '') === statusType;
    const upsert = async (name: string, statusType: string): Promise<Result<CustomUserStatus>> => {
        const existing = await byName(name);
        if (existing) {
            return sameType(existing, statusType)
                ? ok(toCustomUserStatus(existing))
                : saveCustomStatus(quiet, { _id: existing._id, name: existing.name, statusType }, true);
        }
        const created = await saveCustomStatus(quiet, { name, statusType }, true);
        // another instance applying the same edit created it meanwhile: the edit holds
        const now = !created.ok ? await byName(name) : undefined;
        return now && sameType(now, statusType) ? ok(toCustomUserStatus(now)) : created;
    };
    for (const op of ops) {
        let result: Result<CustomUserStatus>;
        switch (op.kind) {
            case 'create':
            case 'setType':
                result = await upsert(op.name, op.statusType);
                break;
            case 'rename': {
                const existing = await byName(op.from);
                result = existing
                    ? await saveCustomStatus(quiet, { _id: existing._id, name: op.to, statusType: op.statusType }, true)
                    : await upsert(op.to, op.statusType);
                if (!result.ok && existing) {
                    const renamed = await byName(op.to);
                    result = renamed && !(await byName(op.from)) ? ok(toCustomUserStatus(renamed)) : result;
                }
                break;
            }
            case 'delete': {
                const existing = await byName(op.name);
                const deleted = existing ? await deleteCustomStatus(quiet, existing._id, true) : undefined;
                result =
                    deleted && !deleted.ok && (await byName(op.name))
                        ? deleted
                        : ok({ _id: existing?._id ?? '', name: op.name, statusType: null, _updatedAt: '' });
                break;
            }
        }
        results.push({ op, result });
    }
    await mirrorToSettings(access);
    return results;
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
    read: IRead,
    modify: IModify,
    persistence: IPersistence,
    user: IUser,
    status: CustomUserStatus,
    options: { expiresAt?: Date; now?: Date } = {},
): Promise<Result<AppliedStatusChange>> {
    return applyOwnStatus(
        read,
        modify,
        persistence,
        user,
        { message: status.name, ...(isCustomStatusType(status.statusType) ? { status: status.statusType } : {}), expiresAt: options.expiresAt },
        options.now,
    );
}
