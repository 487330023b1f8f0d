import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { MessageRef } from '../../core/change/Change';
import { Subject } from '../../core/change/subjects';
import { composeMessage } from '../../i18n/composeMessage';
import { languageOf } from '../../i18n/translate';
import { NoticeRecord, NoticeRepository } from '../../storage/presence/NoticeRepository';
import { PresenceState } from '../../storage/presence/PresenceStateRepository';
import { ChangeEnv } from '../change/ChangeEnv';
import { runChange } from '../change/runChange';
import { PresenceAccess, PresenceApp, storeOf } from './PresenceApp';
import { envOf, readPresenceState } from './presenceSwitch';

/** What a user is told about a turn-off. */
export function inactiveNotice(state: PresenceState): MessageRef {
    switch (state.reason) {
        case 'server':
            return { catalog: 'presence', key: 'inactive_notice_server' };
        case 'admin':
            return { catalog: 'presence', key: 'inactive_notice_admin' };
        default:
            return { catalog: 'presence', key: 'inactive_notice_cap', params: { cap: state.cap ?? '' } };
    }
}

/** What a user is told about a turn-off, in their language. */
export function inactiveNoticeText(state: PresenceState, language: string | undefined): string {
    return composeMessage(inactiveNotice(state), language);
}

const noted = (userId: string, next: NoticeRecord, previous: NoticeRecord | undefined) => ({
    t: 'put' as const,
    assoc: NoticeRepository.associations(userId),
    value: next,
    prev: previous ?? null,
});

/**
 * The line a user gets on their next interaction with the app after a turn-off (once per
 * turn-off, once across instances: a change holding the user), or undefined. Commands, endpoints
 * and the picker put it before their answer. `state` saves a read when the caller has it already.
 */
export async function takeInactiveNotice(env: ChangeEnv, user: IUser, state?: PresenceState): Promise<string | undefined> {
    const current = state ?? (await readPresenceState(env));
    if (current.enabled || current.epoch === 0) {
        return undefined;
    }
    const notices = new NoticeRepository(storeOf(env));
    // told already (most requests after a turn-off): one read, and no change
    if (((await notices.find(user.id))?.interaction ?? 0) >= current.epoch) {
        return undefined;
    }
    const outcome = await runChange<string | undefined>(env, {
        kind: 'presence-notice',
        subjects: [Subject.user(user.id)],
        plan: async () => {
            const told = await notices.find(user.id);
            if ((told?.interaction ?? 0) >= current.epoch) {
                return { refuse: undefined };
            }
            const next = { interaction: current.epoch, notice: told?.notice ?? 0 };
            return { steps: [noted(user.id, next, told)], answer: inactiveNoticeText(current, languageOf(user)) };
        },
    });
    return outcome.kind === 'done' ? outcome.answer : undefined;
}

/** The direct message a user gets from the app's bot when they log in while the service is off (once per turn-off, across instances). */
export async function sendInactiveNotice(app: PresenceApp, access: PresenceAccess, user: IUser): Promise<void> {
    const state = await readPresenceState(access);
    if (state.enabled || state.epoch === 0 || !user.username) {
        return;
    }
    const notices = new NoticeRepository(storeOf(access));
    if (((await notices.find(user.id))?.notice ?? 0) >= state.epoch) {
        return;
    }
    await runChange<boolean>(envOf(app, access), {
        kind: 'presence-login-notice',
        subjects: [Subject.user(user.id)],
        plan: async () => {
            const told = await notices.find(user.id);
            if ((told?.notice ?? 0) >= state.epoch) {
                return { refuse: false };
            }
            const next = { interaction: told?.interaction ?? 0, notice: state.epoch };
            return { steps: [noted(user.id, next, told)], followUps: [{ t: 'messageUser', userId: user.id, message: inactiveNotice(state) }], answer: true };
        },
    });
}
