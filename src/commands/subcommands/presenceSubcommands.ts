import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { errorText } from '../../core/AppError';
import { renderConnectionBar } from '../../core/presence/ConnectionBar';
import { presenceMessage } from '../../core/presence/PresenceMessages';
import {
    PresenceApp,
    canManagePresence,
    currentConnections,
    enablePresence,
    noteUser,
    readPresenceSettings,
    takeInactiveNotice,
} from '../../services/PresenceService';

/** What an admin's presence subcommand gets from the /status dispatcher. */
export interface PresenceCommandInput {
    app: PresenceApp;
    sender: IUser;
    read: IRead;
    modify: IModify;
    http: IHttp;
    persis: IPersistence;
}

export type PresenceSubcommand = 'connections' | 'enable';

const languageOf = (user: IUser) => user.settings?.preferences?.language;

/** The reply lines, with the once-per-turn-off notice first when the service is off. */
async function reply(input: PresenceCommandInput, text: string): Promise<string> {
    const notice = await takeInactiveNotice(input, input.sender);
    return notice ? `${notice}\n\n${text}` : text;
}

/** `/status connections`: current / cap, a bar, and whether the service is on. */
export async function showConnections(input: PresenceCommandInput): Promise<string> {
    const lang = languageOf(input.sender);
    if (!(await canManagePresence(input.read, input.sender))) {
        return reply(input, presenceMessage(lang, 'not_allowed'));
    }
    await noteUser(input, input.sender);
    const [current, settings] = await Promise.all([currentConnections(input.read), readPresenceSettings(input.read)]);
    return reply(
        input,
        presenceMessage(lang, 'connections', {
            current,
            max: settings.unlimited ? '∞' : settings.cap,
            bar: renderConnectionBar(current, settings.cap, settings.unlimited),
            state: presenceMessage(lang, settings.enabled ? 'connections_state_on' : 'connections_state_off'),
        }),
    );
}

/** `/status enable`: turns the presence service back on; refused while over the cap. */
export async function enableFromCommand(input: PresenceCommandInput): Promise<string> {
    const lang = languageOf(input.sender);
    if (!(await canManagePresence(input.read, input.sender))) {
        return reply(input, presenceMessage(lang, 'not_allowed'));
    }
    await noteUser(input, input.sender);
    const result = await enablePresence(input.app, input);
    if (!result.ok) {
        const settings = await readPresenceSettings(input.read);
        const text = result.error.kind === 'invalid' ? presenceMessage(lang, 'enable_refused', { cap: settings.cap }) : errorText(result.error);
        return text;
    }
    const { alreadyEnabled, current, max } = result.value;
    return presenceMessage(lang, alreadyEnabled ? 'already_enabled' : 'enabled', { current, max });
}

/** The admin subcommands, by name, for the dispatcher. */
export const PRESENCE_SUBCOMMANDS: Record<PresenceSubcommand, (input: PresenceCommandInput) => Promise<string>> = {
    connections: showConnections,
    enable: enableFromCommand,
};

export function isPresenceSubcommand(word: string): word is PresenceSubcommand {
    return Object.prototype.hasOwnProperty.call(PRESENCE_SUBCOMMANDS, word.toLowerCase());
}
