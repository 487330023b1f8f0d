import { useEffect, useState } from 'react';
import type { Rest } from '../api/rest';
import type { SlashCommand } from '../api/types';

/** `GET /api/v1/commands.list`: every slash command with its params hint and description. */
export function useCommands(rest: Rest): SlashCommand[] {
    const [commands, setCommands] = useState<SlashCommand[]>([]);
    useEffect(() => {
        rest.get<{ commands: SlashCommand[] }>('/api/v1/commands.list')
            .then(({ commands: list }) => setCommands([...list].sort((a, b) => a.command.localeCompare(b.command))))
            .catch(() => undefined);
    }, [rest]);
    return commands;
}
