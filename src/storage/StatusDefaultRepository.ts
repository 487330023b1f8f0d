import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { isUserPresence, UserPresence } from '../core/status/presets';

/**
 * The manual default status the app last set for a user. Rocket.Chat's `statusDefault` is not
 * visible to apps; this settles what to restore when the visible status cannot tell (a
 * disconnected user reads `offline` whatever their default).
 */
const forUser = (userId: string): RocketChatAssociationRecord[] => [
    new RocketChatAssociationRecord(RocketChatAssociationModel.USER, userId),
    new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, 'status-default'),
];

export class StatusDefaultRepository {
    constructor(
        private readonly reader: IPersistenceRead,
        private readonly persistence: IPersistence,
    ) {}

    public async find(userId: string): Promise<UserPresence | undefined> {
        const [found] = (await this.reader.readByAssociations(forUser(userId))) as Array<{ status?: unknown }>;
        return found && isUserPresence(found.status) ? found.status : undefined;
    }

    public async save(userId: string, status: UserPresence): Promise<void> {
        await this.persistence.updateByAssociations(forUser(userId), { userId, status }, true);
    }
}
