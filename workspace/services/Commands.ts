import type { UserDoc } from './Users';

export interface CommandInvocation {
    caller: UserDoc;
    params: string;
    roomId: string;
    threadId?: string;
    triggerId?: string;
}

export interface CommandEntry {
    command: string;
    params: string;
    description: string;
    providesPreview: boolean;
    /** The app that provides or took over the command; none for a built-in. */
    appId?: string;
    enabled: boolean;
    /** Built-in executor; app commands run through the engine. */
    builtin?: (call: CommandInvocation) => Promise<void>;
}

/** The slash command registry (Rocket.Chat's `slashCommands`): built-ins plus what apps register or modify. */
export class Commands {
    private readonly entries = new Map<string, CommandEntry>();
    private readonly builtins = new Map<string, CommandEntry>();

    public static normalize(command: string): string {
        return String(command ?? '')
            .trim()
            .replace(/^\//, '')
            .toLowerCase();
    }

    public addBuiltin(entry: Omit<CommandEntry, 'enabled'>): void {
        const full: CommandEntry = { ...entry, command: Commands.normalize(entry.command), enabled: true };
        this.builtins.set(full.command, full);
        this.entries.set(full.command, { ...full });
    }

    public has(command: string): boolean {
        return this.entries.has(Commands.normalize(command));
    }

    public get(command: string): CommandEntry | undefined {
        return this.entries.get(Commands.normalize(command));
    }

    public register(entry: Omit<CommandEntry, 'enabled' | 'builtin'> & { appId: string }): void {
        const command = Commands.normalize(entry.command);
        this.entries.set(command, { ...entry, command, enabled: true });
    }

    /** An app takes over a command (its own or a built-in): the engine runs it from now on. */
    public modify(entry: Partial<CommandEntry> & { command: string; appId: string }): void {
        const command = Commands.normalize(entry.command);
        const current = this.entries.get(command);
        if (!current) {
            throw new Error(`Command does not exist in the system currently: ${command}`);
        }
        this.entries.set(command, {
            ...current,
            params: entry.params ?? current.params,
            description: entry.description ?? current.description,
            providesPreview: entry.providesPreview ?? current.providesPreview,
            appId: entry.appId,
            builtin: undefined,
        });
    }

    public setEnabled(command: string, enabled: boolean): void {
        const entry = this.entries.get(Commands.normalize(command));
        if (!entry) {
            throw new Error(`Command does not exist in the system currently: ${command}`);
        }
        entry.enabled = enabled;
    }

    /** Removes an app's command; a built-in the app had taken over comes back. */
    public unregister(command: string): void {
        const key = Commands.normalize(command);
        const builtin = this.builtins.get(key);
        if (builtin) {
            this.entries.set(key, { ...builtin });
        } else {
            this.entries.delete(key);
        }
    }

    public list(): CommandEntry[] {
        return [...this.entries.values()].filter((e) => e.enabled).sort((a, b) => a.command.localeCompare(b.command));
    }
}
