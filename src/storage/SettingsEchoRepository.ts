import { hasFields, miscKey, RecordStore } from './records';

/**
 * The last text the app itself wrote to the custom statuses setting. Every server instance runs
 * the setting hooks, also for the app's own writes: they recognise the echo by this record, in
 * the shared store (not in one process's memory), so it survives instances and restarts.
 */
interface EchoRecord {
    text: string;
    at: string;
}

const ECHO = [miscKey('custom-status-settings-echo')];
const isEcho = hasFields<EchoRecord>({ text: 'string', at: 'string' });

export class SettingsEchoRepository {
    constructor(private readonly store: RecordStore) {}

    public async isLastWritten(text: unknown): Promise<boolean> {
        return typeof text === 'string' && (await this.store.one(ECHO, isEcho))?.text === text;
    }

    public async save(text: string): Promise<void> {
        await this.store.upsert(ECHO, { text, at: new Date().toISOString() });
    }
}
