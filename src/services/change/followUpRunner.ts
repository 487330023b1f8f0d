import { FollowUp } from '../../core/change/Change';
import { composeMessage } from '../../i18n/composeMessage';
import { languageOf } from '../../i18n/translate';
import { messageAdmins, sendDirectMessage } from '../presence/admins';
import { stopServerBroadcast } from '../presence/serverPresence';
import { mirrorSetting } from '../settingsMirror';
import { ChangeEnv, modifyOf, storeOfEnv } from './ChangeEnv';
import { MessageSentRepository } from '../../storage/MessageSentRepository';

/**
 * Runs one follow-up of a committed change. Each is idempotent (a message goes once to each
 * recipient, noted per change; a setting is written only when it differs), and throws when it
 * could not be done in full, so that the change stays and a recovery runs it again.
 */
export async function runFollowUp(env: ChangeEnv, followUp: FollowUp, changeId: string): Promise<void> {
    switch (followUp.t) {
        case 'mirror':
            return mirrorSetting(env, followUp.setting, { note: followUp.note });
        case 'stopServerBroadcast':
            if (!(await stopServerBroadcast(env.app, env.read))) {
                throw new Error("Rocket.Chat's presence broadcast could not be stopped");
            }
            return;
        case 'messageAdmins': {
            const outcome = await messageAdmins({ ...env, modify: modifyOf(env) }, (language) => composeMessage(followUp.message, language), changeId);
            if (outcome.failed.length > 0) {
                throw new Error(`could not message the admins ${outcome.failed.join(', ')}`);
            }
            return;
        }
        case 'messageUser': {
            const markers = new MessageSentRepository(storeOfEnv(env));
            if ((await markers.recipients(changeId)).has(followUp.userId)) {
                return;
            }
            const user = await env.read.getUserReader().getById(followUp.userId);
            if (!user?.username) {
                return;
            }
            await sendDirectMessage({ ...env, modify: modifyOf(env) }, user.username, composeMessage(followUp.message, languageOf(user)));
            await markers.add(changeId, followUp.userId);
            return;
        }
    }
}
