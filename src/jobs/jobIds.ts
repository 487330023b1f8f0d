/** Ids of the app's scheduler processors. */
export enum JobId {
    StatusExpiry = 'status-expiry',
}

/** The data a status-expiry job carries: the record's owner and the token it must still hold. */
export interface StatusExpiryJobData {
    userId: string;
    token: string;
}
