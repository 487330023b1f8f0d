import { IEnvironmentWrite, IHttp, ILogger, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { RecordStore } from '../../storage/records';

/** What the presence flows need from the app itself (the App class provides it). */
export interface PresenceApp {
    getID(): string;
    getLogger(): ILogger;
    getAccessors(): { readonly environmentWriter: IEnvironmentWrite };
}

/** The accessors of one engine call (listener, job, endpoint, command). */
export interface PresenceAccess {
    read: IRead;
    modify: IModify;
    persis: IPersistence;
    http: IHttp;
}

export const storeOf = (access: Pick<PresenceAccess, 'read'> & { persis?: IPersistence }): RecordStore =>
    new RecordStore(access.read.getPersistenceReader(), access.persis);

/** A message for the log: never a token, never a stack trace for an expected failure. */
export function describeError(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
