import { hasFields, miscKey, RecordStore } from '../records';

/**
 * The app's own write of `presence_service_enabled` (the settings page's copy of the state) that
 * is on its way: the value, and since when. Shared by every instance, so that a switch job on any
 * of them can tell the app's pending write from an admin's.
 */
export interface SettingMirror {
    value: boolean;
    /** set while the write has not been seen stored yet */
    pendingSince?: string;
}

const MIRROR = [miscKey('presence-setting-mirror')];
const isMirror = hasFields<SettingMirror>({ value: 'boolean' });

export class SettingMirrorRepository {
    constructor(private readonly store: RecordStore) {}

    public async get(): Promise<SettingMirror | undefined> {
        return this.store.one(MIRROR, isMirror);
    }

    public async save(mirror: SettingMirror): Promise<void> {
        await this.store.upsert(MIRROR, mirror);
    }
}
