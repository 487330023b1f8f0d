import { CommandBridge } from '@rocket.chat/apps-engine/server/bridges/CommandBridge';
import type { ISlashCommand } from '@rocket.chat/apps-engine/definition/slashcommands';
import type { HostContext } from '../engine/HostContext';

/** The slash command registry: app commands run through the engine's command manager. */
export class WorkspaceCommandBridge extends CommandBridge {
    constructor(private readonly ctx: HostContext) {
        super();
    }

    protected async doesCommandExist(command: string): Promise<boolean> {
        return this.ctx.commands.has(command);
    }

    protected async enableCommand(command: string): Promise<void> {
        this.ctx.commands.setEnabled(command, true);
    }

    protected async disableCommand(command: string): Promise<void> {
        this.ctx.commands.setEnabled(command, false);
    }

    protected async modifyCommand(command: ISlashCommand, appId: string): Promise<void> {
        this.ctx.commands.modify({
            command: command.command,
            appId,
            params: command.i18nParamsExample,
            description: command.i18nDescription,
            providesPreview: command.providesPreview,
        });
    }

    protected async registerCommand(command: ISlashCommand, appId: string): Promise<void> {
        this.ctx.commands.register({
            command: command.command,
            appId,
            params: command.i18nParamsExample ?? '',
            description: command.i18nDescription ?? '',
            providesPreview: !!command.providesPreview,
        });
    }

    protected async unregisterCommand(command: string): Promise<void> {
        this.ctx.commands.unregister(command);
    }
}
