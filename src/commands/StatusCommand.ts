import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { ISlashCommand, SlashCommandContext } from '@rocket.chat/apps-engine/definition/slashcommands';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { STATUS_MESSAGES } from '../i18n/statusMessages';
import { languageOf, translator } from '../i18n/translate';
import { noteAdmin } from '../services/presence/admins';
import { takeInactiveNotice } from '../services/presence/notices';
import { PresenceApp, describeError } from '../services/presence/PresenceApp';
import { CommandContext, CommandReply } from './CommandContext';
import { parseStatusCommand } from './parseStatusCommand';
import { chooseCustomStatusByWords, customStatusListLines, runCustomSubcommand } from './subcommands/customStatusSubcommands';
import { help } from './subcommands/help';
import { listStatuses } from './subcommands/listStatuses';
import { enableFromCommand, showConnections } from './subcommands/presenceSubcommands';
import { auditTrail } from './subcommands/auditSubcommand';
import { recentStatuses } from './subcommands/recentStatuses';
import { scheduledStatuses, scheduleStatus } from './subcommands/scheduleSubcommands';
import { setOtherStatus } from './subcommands/setOtherStatus';
import { clearStatus, setStatus } from './subcommands/setStatus';
import { workingHours } from './subcommands/workingHoursSubcommand';
import { showStatus } from './subcommands/showStatus';

/**
 * The one dispatcher behind `/status` and `/userstatus`: parse, run the subcommand, answer. Words
 * that are no subcommand may name a custom status (`/status Lunch 1h`); else, for `/status`,
 * they are the status message, as with Rocket.Chat's built-in command.
 */
export async function dispatchStatusCommand(ctx: CommandContext, args: ReadonlyArray<string>, freeTextIsMessage: boolean): Promise<CommandReply> {
    const request = parseStatusCommand(args, { now: ctx.now, utcOffset: ctx.sender.utcOffset ?? 0 });
    let result: CommandReply;
    switch (request.kind) {
        case 'help':
            return help(ctx);
        case 'list': {
            const presets = await listStatuses(ctx);
            // the custom statuses follow the presets when there are any
            const customs = await customStatusListLines(ctx, { omitWhenEmpty: true });
            return customs ? { ...presets, text: `${presets.text}\n\n${customs}` } : presets;
        }
        case 'connections':
            return showConnections(ctx);
        case 'enable':
            return enableFromCommand(ctx);
        case 'custom':
            return runCustomSubcommand(ctx, request.words);
        case 'recent':
            result = await recentStatuses(ctx, request.pick);
            break;
        case 'schedule':
            result = await scheduleStatus(ctx, request);
            break;
        case 'scheduled':
            result = await scheduledStatuses(ctx, request.cancel);
            break;
        case 'hours':
            result = await workingHours(ctx, request.hours);
            break;
        case 'audit':
            return auditTrail(ctx, request.username);
        case 'setOther':
            result = await setOtherStatus(ctx, request);
            break;
        case 'show':
            result = await showStatus(ctx, request.username);
            break;
        case 'clear':
            result = await clearStatus(ctx);
            break;
        case 'set':
            result = await setStatus(ctx, request);
            break;
        case 'error':
            result = { ok: false, text: ctx.t(request.key, { ...request.params, command: ctx.command }) };
            break;
        case 'text': {
            const chosen = await chooseCustomStatusByWords(ctx, request.words);
            if (chosen) {
                return chosen;
            }
            result = freeTextIsMessage
                ? await setStatus(ctx, { message: request.words.join(' ') })
                : { ok: false, text: ctx.t('error_unknown_subcommand', { word: request.words[0] }) };
            break;
        }
    }
    // a wrong subcommand or value: one error line, then the help; nothing changed
    return result.ok || result.help === false ? result : { ok: false, text: `${result.text}\n\n${ctx.t('help', { command: ctx.command })}` };
}

/** Answers the sender with an ephemeral message from the app's bot (only they see it). */
async function replyEphemeral(context: SlashCommandContext, read: IRead, modify: IModify, sender: IUser, text: string): Promise<void> {
    const appUser = await read.getUserReader().getAppUser();
    const message = modify.getCreator().startMessage().setRoom(context.getRoom()).setText(text).setGroupable(false);
    if (appUser) {
        message.setSender(appUser);
    }
    await modify.getNotifier().notifyUser(sender, message.getMessage());
}

/**
 * `/status` (taking over Rocket.Chat's built-in, `/status <message>` still sets the message) and the
 * app's own `/userstatus` (an unknown word is an error). Every reply is ephemeral, in the user's
 * language; a failure answers a clear line instead of nothing.
 */
export class StatusCommand implements ISlashCommand {
    public readonly i18nParamsExample: string;
    public readonly i18nDescription: string;
    public readonly providesPreview = false;

    constructor(
        public readonly command: string,
        private readonly freeTextIsMessage: boolean,
        private readonly app: IApp & PresenceApp,
    ) {
        this.i18nParamsExample = `cmd_${command}_params`;
        this.i18nDescription = `cmd_${command}_description`;
    }

    public async executor(context: SlashCommandContext, read: IRead, modify: IModify, http: IHttp, persistence: IPersistence): Promise<void> {
        const sender = context.getSender();
        const t = translator(STATUS_MESSAGES, languageOf(sender));
        let text: string;
        try {
            const ctx: CommandContext = {
                app: this.app,
                read,
                modify,
                persistence,
                http,
                sender,
                t,
                command: `/${this.command}`,
                now: new Date(),
                triggerId: context.getTriggerId(),
            };
            const answer = await dispatchStatusCommand(ctx, context.getArguments(), this.freeTextIsMessage);
            text = answer.text;
        } catch (error) {
            this.app.getLogger().error(`/${this.command} failed: ${describeError(error)}`);
            text = t('error_failed');
        }
        // best effort, never failing the reply: the admin is remembered, and the first reply after a turn-off says so (once per turn-off)
        const notice = await Promise.all([
            noteAdmin({ read, persis: persistence }, sender),
            takeInactiveNotice({ app: this.app, read, modify, http, persis: persistence }, sender),
        ])
            .then(([, found]) => found)
            .catch((error: unknown) => {
                this.app.getLogger().warn(`/${this.command}: the presence notice failed: ${describeError(error)}`);
                return undefined;
            });
        try {
            await replyEphemeral(context, read, modify, sender, notice ? `${notice}\n\n${text}` : text);
        } catch (error) {
            // what the command did stands, whole; only its answer could not be shown
            this.app.getLogger().error(`/${this.command}: the reply could not be sent: ${describeError(error)}`);
        }
    }
}
