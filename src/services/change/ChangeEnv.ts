import { IEnvironmentWrite, IHttp, ILogger, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { RecordStore } from '../../storage/records';

/** What the app itself gives a change: its log and its writer of settings. */
export interface ChangeApp {
    getID(): string;
    getLogger(): ILogger;
    getAccessors(): { readonly environmentWriter: IEnvironmentWrite };
}

/** The accessors of one engine call (endpoint, command, job, listener, UI action) that makes or recovers a change. */
export interface ChangeEnv {
    app: ChangeApp;
    read: IRead;
    /** absent where the engine hands none (an action button): a step or follow-up that needs it fails */
    modify?: IModify;
    persis: IPersistence;
    http?: IHttp;
    /** this process's clock, for its own lease and its own watch of others' changes (never compared across instances) */
    now?: () => number;
}

export const storeOfEnv = (env: Pick<ChangeEnv, 'read' | 'persis'>): RecordStore => new RecordStore(env.read.getPersistenceReader(), env.persis);
export const clockOf = (env: Pick<ChangeEnv, 'now'>): (() => number) => env.now ?? Date.now;

/** The modify accessor, for a step or follow-up that needs it. */
export function modifyOf(env: Pick<ChangeEnv, 'modify'>): IModify {
    if (!env.modify) {
        throw new Error('this change needs the modify accessor, which this call of the engine does not give');
    }
    return env.modify;
}
