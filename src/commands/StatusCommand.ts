import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ISlashCommand, SlashCommandContext } from '@rocket.chat/apps-engine/definition/slashcommands';

import { STATUS_MESSAGES } from '../i18n/statusMessages';
import { translator } from '../i18n/translate';
import { CommandContext, CommandReply } from './CommandContext';
import { parseStatusCommand } from './parseStatusCommand';
import { isPresenceSubcommand, PRESENCE_SUBCOMMANDS } from './subcommands/presenceSubcommands';
import { PresenceApp, takeInactiveNotice } from '../services/PresenceService';
import { help } from './subcommands/help';
import { listStatuses } from './subcommands/listStatuses';
import { clearStatus, setStatus } from './subcommands/setStatus';
import { showStatus } from './subcommands/showStatus';
import { chooseCustomStatusByName, customStatusListLines, runCustomSubcommand } from './subcommands/customStatusSubcommands';
import { AppSetting } from '../settings/AppSetting';

/** The one dispatcher behind `/status` and `/userstatus`: parse, run the subcommand, answer. */
export async function dispatchStatusCommand(ctx: CommandContext, args: ReadonlyArray<string>, freeTextIsMessage: boolean): Promise<CommandReply> {
    const first = args
        .find((word) => word.trim() !== '')
        ?.trim()
        .toLowerCase();
    if (first && ctx.presence && isPresenceSubcommand(first)) {
        const { app, http } = ctx.presence;
        const text = await PRESENCE_SUBCOMMANDS[first]({ app, http, sender: ctx.sender, read: ctx.read, modify: ctx.modify, persis: ctx.persistence });
        return { ok: true, text };
    }
    // custom statuses: `custom ...` for admins, and `/status <custom name>` for everyone
    const words = args.map((word) => word.trim()).filter((word) => word !== '');
    if (first === 'custom') {
        const app = ctx.presence?.app;
        const writeSettingsText = app
            ? (text: string) => app.getAccessors().environmentWriter.getSettings().updateValue(AppSetting.CustomStatuses, text)
            : undefined;
        return runCustomSubcommand(ctx, words.slice(1), { writeSettingsText, appId: app?.getID() });
    }
    const chosen = await chooseCustomStatusByName(ctx, words);
    if (chosen) {
        return chosen;
    }
    const request = parseStatusCommand(args, { now: ctx.now, utcOffset: ctx.sender.utcOffset ?? 0, freeTextIsMessage });
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
    }
    // a wrong subcommand or value: one error line, then the help; nothing changed
    return result.ok ? result : { ok: false, text: `${result.text}\n\n${ctx.t('help', { command: ctx.command })}` };
}

/**
 * `/status` (taking over Rocket.Chat's built-in, `/status <message>` still sets the message) and the
 * app's own `/userstatus` (an unknown word is an error). Every reply is ephemeral, in the user's language.
 */
export class StatusCommand implements ISlashCommand {
    public readonly i18nParamsExample: string;
    public readonly i18nDescription: string;
    public readonly providesPreview = false;

    constructor(
        public readonly command: string,
        private readonly freeTextIsMessage: boolean,
        private readonly app?: PresenceApp,
    ) {
        this.i18nParamsExample = `cmd_${command}_params`;
        this.i18nDescription = `cmd_${command}_description`;
    }

    public async executor(context: SlashCommandContext, read: IRead, modify: IModify, http: IHttp, persistence: IPersistence): Promise<void> {
        const sender = context.getSender();
        const ctx: CommandContext = {
            read,
            modify,
            persistence,
            sender,
            t: translator(STATUS_MESSAGES, sender.settings?.preferences?.language),
            command: `/${this.command}`,
            now: new Date(),
            presence: this.app ? { app: this.app, http } : undefined,
            triggerId: context.getTriggerId(),
        };
        const answer = await dispatchStatusCommand(ctx, context.getArguments(), this.freeTextIsMessage);
        // after a turn-off by the cap, the first reply of any subcommand says so (once per turn-off)
        const notice = await takeInactiveNotice({ read, persis: persistence }, sender);
        const text = notice ? `${notice}\n\n${answer.text}` : answer.text;
        const appUser = await read.getUserReader().getAppUser();
        const message = modify.getCreator().startMessage().setRoom(context.getRoom()).setText(text).setGroupable(false);
        if (appUser) {
            message.setSender(appUser);
        }
        await modify.getNotifier().notifyUser(sender, message.getMessage());
    }
}
