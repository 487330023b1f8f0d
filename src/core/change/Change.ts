/**
 * A change that takes more than one write, as the app stores it while it runs (its intent): every
 * step it will take, each with what undoes it, and what follows once it holds. Serializable, so
 * that any instance can finish or undo a change whose writer died (see `services/change`).
 *
 * - `steps` are writes that can be undone; they run in order, and until the change is committed a
 *   failure (or a recovery) undoes them in reverse. Every undo is idempotent and safe when its step
 *   never ran or only half ran.
 * - `followUps` cannot be undone (a message, the settings page's copy): they run after the commit,
 *   each idempotent, and a recovery runs them again until they are all done.
 */
export type AssociationKey = string;

/** A stored record with its associations, e.g. `['misc:status-expiry', 'user:u1']`. */
export interface StoredRecord {
    assoc: AssociationKey[];
    value: object;
}

/** What a user shows: `status` absent for a change of the message only. */
export interface ShownState {
    status?: string;
    text: string;
}

export type Step =
    /** replaces (or creates) the record with these associations; undone by putting `prev` back, or removing it */
    | { t: 'put'; assoc: AssociationKey[]; value: object; prev: object | null }
    /** adds a record whose associations name it alone; undone by removing it */
    | { t: 'insert'; assoc: AssociationKey[]; value: object }
    /** removes the records with these associations; undone by adding back those of `restore` that are missing */
    | { t: 'remove'; assoc: AssociationKey[]; restore: StoredRecord[] }
    /** a user's status and message through the user updater; undone, while the user still shows `after`, by writing `before` */
    | { t: 'status'; userId: string; before: ShownState; after: ShownState }
    /** arms a one-time job; not undone (the engine cannot cancel one job): a job finds its record or does nothing */
    | { t: 'job'; processor: string; when: string; data: Record<string, unknown> }
    /** asks Rocket.Chat to broadcast presence again (fails with its refusal); undone by stopping its broadcast */
    | { t: 'serverBroadcastOn' };

/** A message the app composes, translated for each recipient when it is sent. */
export interface MessageRef {
    catalog: 'presence' | 'status';
    key: string;
    /** a parameter may itself be a message, translated in the same language */
    params?: Record<string, string | number | MessageRef>;
}

export type FollowUp =
    /** brings a setting on the Apps settings page in line with what the app stores (`note`: a line above it, why an edit was refused) */
    | { t: 'mirror'; setting: string; note?: string }
    /** stops Rocket.Chat's presence broadcast (both of its switches on) */
    | { t: 'stopServerBroadcast' }
    /** a direct message from the app's bot to every admin the app knows */
    | { t: 'messageAdmins'; message: MessageRef }
    /** a direct message from the app's bot to one user */
    | { t: 'messageUser'; userId: string; message: MessageRef };

export interface ChangeIntent {
    id: string;
    /** what kind of change, for logs */
    kind: string;
    /** what the change holds while it runs: no other change of the same subject runs meanwhile, on any instance */
    subjects: string[];
    /** the process that runs it */
    owner: string;
    steps: Step[];
    followUps: FollowUp[];
    /** every step is done: a recovery finishes the follow-ups instead of undoing */
    committed: boolean;
}
