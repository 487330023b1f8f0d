import { IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { Result, fail, ok } from '../core/AppError';
import { CustomStatusErrors, CustomUserStatus, isCustomStatusType, newCustomStatusId } from '../core/customStatus/CustomUserStatus';
import { KeyedMutex } from '../core/customStatus/KeyedMutex';
import { CustomStatusDraft, checkCustomStatus } from '../core/customStatus/rules';
import { SettingsOp, serializeCustomStatuses } from '../core/customStatus/settingsText';
import { SerialQueue } from '../core/presence/SerialQueue';
import { parseRoleList } from '../core/status/target';
import { AppSetting } from '../settings/AppSetting';
import { CustomStatusRepository, StoredCustomStatus, toCustomUserStatus } from '../storage/CustomStatusRepository';
import { applyOwnStatus } from './applyOwnStatus';
import { AppliedStatus } from './setUserStatus';

/** Writes the settings page's copy of the list (the app's environment writer); absent in tests that do not look at it. */
export type SettingsTextWriter = (text: string) => Promise<void>;

export interface CustomStatusAccess {
    read: IRead;
    persistence: IPersistence;
    /** keeps the Apps settings page in step after every change */
    writeSettingsText?: SettingsTextWriter;
    now?: () => Date;
}

/** One per app process: creates and renames to one name, and changes to one record, run one at a time. */
const locks = new KeyedMutex();
const mirrorQueue = new SerialQueue();
/** Texts the app itself wrote to the setting: their setting-update echo is not an admin's edit. */
const appWrittenTexts = new Set<string>();

export function isAppWrittenSettingsText(text: unknown): boolean {
    if (typeof text === 'string' && appWrittenTexts.has(text)) {
        appWrittenTexts.delete(text);
        return true;
    }
    return false;
}

const nameKey = (name: string) => `name:${name}`;
const idKey = (id: string) => `id:${id}`;
const newRev = () => `${Date.now().toString(36)}-${newCustomStatusId()}`;

/** The right to manage custom statuses: a role in the app setting `roles_manage_user_status` (stands in for `manage-user-status`). */
export async function canManageCustomStatuses(read: IRead, user: IUser | undefined): Promise<boolean> {
    if (!user) {
        return false;
    }
    const roles = parseRoleList(await read.getEnvironmentReader().getSettings().getValueById(AppSetting.RolesManageUserStatus));
    return roles.some((role) => (user.roles ?? []).includes(role));
}

const repositoryOf = (access: CustomStatusAccess) => new CustomStatusRepository(access.read.getPersistenceReader(), access.persistence);

export async function listAllCustomStatuses(read: IRead): Promise<CustomUserStatus[]> {
    const all = await new CustomStatusRepository(read.getPersistenceReader()).all();
    return all.map(toCustomUserStatus).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Settles a race after writing: of several records holding one name, the first created stays. */
function firstClaim(records: StoredCustomStatus[]): StoredCustomStatus {
    return [...records].sort((a, b) => (a._createdAt < b._createdAt ? -1 : a._createdAt > b._createdAt ? 1 : a._id < b._id ? -1 : 1))[0];
}

/**
 * Creates a custom status (no `_id`) or updates one, with Rocket.Chat's rules in its order.
 * Uniqueness of the name holds under concurrent requests: writes to one name are serialized in
 * this process, and after writing the name is re-read; a second holder (another server instance)
 * removes what it wrote and answers "name in use".
 */
export async function saveCustomStatus(access: CustomStatusAccess, draft: CustomStatusDraft, canManage: boolean): Promise<Result<CustomUserStatus>> {
    const repository = repositoryOf(access);
    const now = (access.now ?? (() => new Date()))().toISOString();
    const keys = draft._id ? [nameKey(draft.name), idKey(draft._id)] : [nameKey(draft.name)];
    const result = await locks.runAll(keys, async (): Promise<Result<CustomUserStatus>> => {
        const current = draft._id ? await repository.findById(draft._id) : undefined;
        if (draft._id && !current) {
            return fail(CustomStatusErrors.notFoundForUpdate(draft._id));
        }
        const checked = checkCustomStatus(draft, { canManage, existing: await repository.all() });
        if (!checked.ok) {
            return checked;
        }
        if (!current) {
            const record: StoredCustomStatus = {
                _id: newCustomStatusId(),
                name: draft.name,
                statusType: draft.statusType ?? '',
                _updatedAt: now,
                _createdAt: now,
                rev: newRev(),
            };
            await repository.insert(record);
            const holders = await repository.findAllByName(record.name);
            if (holders.length > 1 && firstClaim(holders)._id !== record._id) {
                await repository.removeVersion(record);
                return fail(CustomStatusErrors.nameInUse());
            }
            return ok(toCustomUserStatus(record));
        }
        const next: StoredCustomStatus = {
            ...current,
            name: draft.name,
            statusType: draft.statusType === undefined ? current.statusType : draft.statusType,
            _updatedAt: now,
            rev: newRev(),
        };
        await repository.replace(current, next);
        const others = (await repository.findAllByName(next.name)).filter((s) => s._id !== next._id);
        if (others.length > 0) {
            // another instance took the name meanwhile: put the record back as it was
            await repository.replace(next, { ...current, rev: newRev() });
            return fail(CustomStatusErrors.nameInUse());
        }
        return ok(toCustomUserStatus(next));
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
    await mirrorToSettings(access);
    return ok(toCustomUserStatus(removed));
}

/**
 * Writes the list to the settings page, from the records as they are when its turn comes (one
 * write at a time, so the last one written shows the latest state).
 */
export async function mirrorToSettings(access: CustomStatusAccess): Promise<void> {
    const write = access.writeSettingsText;
    if (!write) {
        return;
    }
    await mirrorQueue.run(async () => {
        const text = serializeCustomStatuses(await repositoryOf(access).all());
        const current = await access.read.getEnvironmentReader().getSettings().getValueById(AppSetting.CustomStatuses);
        if (current === text) {
            return;
        }
        appWrittenTexts.add(text);
        if (appWrittenTexts.size > 50) {
            appWrittenTexts.delete(appWrittenTexts.values().next().value as string);
        }
        await write(text);
    });
}

export interface AppliedSettingsOp {
    op: SettingsOp;
    result: Result<CustomUserStatus>;
}

/**
 * Applies an admin's edit of the settings text: each operation through the same rules and locks
 * as the REST endpoints. An operation that already holds (an echo, a repeat) changes nothing.
 */
export async function applySettingsOps(access: CustomStatusAccess, ops: ReadonlyArray<SettingsOp>): Promise<AppliedSettingsOp[]> {
    const repository = repositoryOf(access);
    const quiet: CustomStatusAccess = { ...access, writeSettingsText: undefined };
    const results: AppliedSettingsOp[] = [];
    const byName = async (name: string) => (await repository.findByName(name)) ?? (await repository.all()).find((s) => s.name.trim() === name);
    for (const op of ops) {
        let result: Result<CustomUserStatus>;
        switch (op.kind) {
            case 'create': {
                const existing = await byName(op.name);
                result = existing
                    ? existing.statusType === op.statusType
                        ? ok(toCustomUserStatus(existing))
                        : await saveCustomStatus(quiet, { _id: existing._id, name: existing.name, statusType: op.statusType }, true)
                    : await saveCustomStatus(quiet, { name: op.name, statusType: op.statusType }, true);
                break;
            }
            case 'rename': {
                const existing = await byName(op.from);
                const target = await byName(op.to);
                result = existing
                    ? await saveCustomStatus(quiet, { _id: existing._id, name: op.to, statusType: op.statusType }, true)
                    : target
                      ? ok(toCustomUserStatus(target))
                      : await saveCustomStatus(quiet, { name: op.to, statusType: op.statusType }, true);
                break;
            }
            case 'setType': {
                const existing = await byName(op.name);
                result = existing
                    ? await saveCustomStatus(quiet, { _id: existing._id, name: existing.name, statusType: op.statusType }, true)
                    : await saveCustomStatus(quiet, { name: op.name, statusType: op.statusType }, true);
                break;
            }
            case 'delete': {
                const existing = await byName(op.name);
                result = existing ? await deleteCustomStatus(quiet, existing._id, true) : ok({ _id: '', name: op.name, statusType: '', _updatedAt: '' });
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
    const repository = new CustomStatusRepository(read.getPersistenceReader());
    const found = (await repository.findById(idOrName)) ?? (await repository.findByName(idOrName));
    if (found) {
        return toCustomUserStatus(found);
    }
    const lower = idOrName.trim().toLowerCase();
    const all = await repository.all();
    const match = all.find((s) => s.name.trim().toLowerCase() === lower);
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
): Promise<Result<AppliedStatus>> {
    return applyOwnStatus(
        read,
        modify,
        persistence,
        user,
        { message: status.name, ...(isCustomStatusType(status.statusType) ? { status: status.statusType } : {}), expiresAt: options.expiresAt },
        options.now,
    );
}
