import { AppError, ruleError } from '../AppError';
import { CustomUserStatus } from './CustomUserStatus';
import { checkCustomStatusFields } from './rules';

/**
 * The Apps settings page's copy of the custom statuses: one `name: presence` per line (the
 * presence may be empty, as Rocket.Chat allows a status without a type). Blank lines and lines
 * starting with `#` are ignored. Pure: no engine imports.
 */
export interface SettingsEntry {
    name: string;
    statusType: string;
}

export interface SettingsLineError {
    /** 1-based line number in the text */
    line: number;
    text: string;
    error: AppError;
}

export const LINE_FORMAT_ERROR = 'error-custom-status-line-format';

/** `name: presence`, split at the last colon (a name may hold colons); no colon: the whole text is the name. */
export function splitAtLastColon(text: string): [string, string | undefined] {
    const colon = text.lastIndexOf(':');
    return colon < 0 ? [text.trim(), undefined] : [text.slice(0, colon).trim(), text.slice(colon + 1).trim()];
}

export function serializeCustomStatuses(statuses: ReadonlyArray<Pick<CustomUserStatus, 'name' | 'statusType'>>): string {
    return [...statuses]
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((status) => `${status.name.trim()}: ${status.statusType ?? ''}`.trimEnd())
        .join('\n');
}

/** Parses and checks every line with the custom-status rules; the first line that breaks one is the error. */
export type ParsedSettingsText = { ok: true; value: SettingsEntry[] } | { ok: false; lineError: SettingsLineError };

export function parseCustomStatusesText(text: unknown): ParsedSettingsText {
    const lines = typeof text === 'string' ? text.split(/\r?\n/) : [];
    const entries: SettingsEntry[] = [];
    for (let index = 0; index < lines.length; index++) {
        const raw = lines[index];
        const line = raw.trim();
        if (line === '' || line.startsWith('#')) {
            continue;
        }
        const [name, statusType] = splitAtLastColon(line);
        if (statusType === undefined) {
            const error = ruleError(LINE_FORMAT_ERROR, 'Expected "name: presence"');
            return { ok: false, lineError: { line: index + 1, text: raw, error } };
        }
        const entry = { name, statusType };
        const checked = checkCustomStatusFields(
            entry,
            entries.map((e, i) => ({ _id: String(i), name: e.name })),
        );
        if (!checked.ok) {
            return { ok: false, lineError: { line: index + 1, text: raw, error: checked.error } };
        }
        entries.push(entry);
    }
    return { ok: true, value: entries };
}

export type SettingsOp =
    | { kind: 'create'; name: string; statusType: string }
    | { kind: 'rename'; from: string; to: string; statusType: string }
    | { kind: 'setType'; name: string; statusType: string }
    | { kind: 'delete'; name: string };

/**
 * What an edit of the text means, from the text before to the text after: a name kept with
 * another presence is a change of type; a line whose name changed in place (between the same
 * kept neighbours) is a rename; other new names are creates, other lost names deletes.
 */
export function diffCustomStatusesText(before: ReadonlyArray<SettingsEntry>, after: ReadonlyArray<SettingsEntry>): SettingsOp[] {
    const beforeNames = new Set(before.map((e) => e.name));
    const afterNames = new Set(after.map((e) => e.name));
    const ops: SettingsOp[] = [];
    for (const entry of after) {
        const old = before.find((e) => e.name === entry.name);
        if (old && old.statusType !== entry.statusType) {
            ops.push({ kind: 'setType', name: entry.name, statusType: entry.statusType });
        }
    }
    const groups = (list: ReadonlyArray<SettingsEntry>, others: Set<string>) => {
        const byAnchor = new Map<number, SettingsEntry[]>();
        let kept = 0;
        for (const entry of list) {
            if (others.has(entry.name)) {
                kept++;
                continue;
            }
            byAnchor.set(kept, [...(byAnchor.get(kept) ?? []), entry]);
        }
        return byAnchor;
    };
    const removed = groups(before, afterNames);
    const added = groups(after, beforeNames);
    const anchors = [...new Set([...removed.keys(), ...added.keys()])].sort((a, b) => a - b);
    const deletes: SettingsOp[] = [];
    const creates: SettingsOp[] = [];
    for (const anchor of anchors) {
        const gone = removed.get(anchor) ?? [];
        const fresh = added.get(anchor) ?? [];
        const pairs = Math.min(gone.length, fresh.length);
        for (let i = 0; i < pairs; i++) {
            ops.push({ kind: 'rename', from: gone[i].name, to: fresh[i].name, statusType: fresh[i].statusType });
        }
        gone.slice(pairs).forEach((e) => deletes.push({ kind: 'delete', name: e.name }));
        fresh.slice(pairs).forEach((e) => creates.push({ kind: 'create', name: e.name, statusType: e.statusType }));
    }
    // deletes first, so a name freed by one line can be taken by another
    return [...deletes, ...ops, ...creates];
}
