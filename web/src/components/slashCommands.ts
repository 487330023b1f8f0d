import type { SlashCommand } from '../api/types';

/** `/cmd rest` as Rocket.Chat's client splits it: the first word after the slash, then the rest. */
export function parseSlashCommand(text: string): { command: string; params: string } | undefined {
    const match = /^\/([^\s]+)(?:\s+([\s\S]*))?$/.exec(text.trim());
    return match ? { command: match[1], params: match[2] ?? '' } : undefined;
}

/** The commands matching what is typed: by prefix while the name is typed, the exact one after. */
export function matchingCommands(text: string, commands: SlashCommand[]): SlashCommand[] {
    if (!text.startsWith('/')) return [];
    const typed = text.slice(1);
    const space = typed.search(/\s/);
    if (space >= 0) {
        const name = typed.slice(0, space).toLowerCase();
        return commands.filter((c) => c.command.toLowerCase() === name);
    }
    return commands.filter((c) => c.command.toLowerCase().startsWith(typed.toLowerCase()));
}
