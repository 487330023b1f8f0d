import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { PRESENCE_MESSAGES } from '../../i18n/presenceMessages';
import { languageOf, translator } from '../../i18n/translate';
import { NoticeRepository } from '../../storage/presence/NoticeRepository';
import { PresenceState } from '../../storage/presence/PresenceStateRepository';
import { sendDirectMessage } from './admins';
import { PresenceAccess, PresenceApp, describeError, storeOf } from './PresenceApp';
import { readPresenceState } from './presenceSwitch';

/** What a user is told about a turn-off, in their language. */
export function inactiveNoticeText(state: PresenceState, language: string | undefined): string {
    const t = translator(PRESENCE_MESSAGES, language);
    switch (state.reason) {
        case 'server':
            return t('inactive_notice_server');
        case 'admin':
            return t('inactive_notice_admin');
        default:
            return t('inactive_notice_cap', { cap: state.cap ?? '' });
    }
}

/**
 * The line a user gets on their next interaction with the app after a turn-off (once per
 * turn-off), or undefined. Commands, endpoints and the picker put it before their answer.
 * `state` saves a read when the caller has it already.
 */
export async function takeInactiveNotice(access: Pick<PresenceAccess, 'read' | 'persis'>, user: IUser, state?: PresenceState): Promise<string | undefined> {
    const current = state ?? (await readPresenceState(access));
    if (current.enabled || current.epoch === 0) {
        return undefined;
    }
    const repository = new NoticeRepository(storeOf(access));
    const told = await repository.get(user.id);
    if (told.interaction >= current.epoch) {
        return undefined;
    }
    await repository.save(user.id, { ...told, interaction: current.epoch });
    return inactiveNoticeText(current, languageOf(user));
}

/** The direct message a user gets from the app's bot when they log in while the service is off (once per turn-off). */
export async function sendInactiveNotice(app: PresenceApp, access: PresenceAccess, user: IUser): Promise<void> {
    const state = await readPresenceState(access);
    if (state.enabled || state.epoch === 0 || !user.username) {
        return;
    }
    const repository = new NoticeRepository(storeOf(access));
    const told = await repository.get(user.id);
    if (told.notice >= state.epoch) {
        return;
    }
    await repository.save(user.id, { ...told, notice: state.epoch });
    try {
        await sendDirectMessage(access, user.username, inactiveNoticeText(state, languageOf(user)));
    } catch (error) {
        app.getLogger().error(`presence: could not send the notice to ${user.username}: ${describeError(error)}`);
    }
}
