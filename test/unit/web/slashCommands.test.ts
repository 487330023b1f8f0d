import { matchingCommands, parseSlashCommand } from '../../../web/src/components/slashCommands';

const commands = [
    { command: 'status', params: 'cmd_status_params', appId: 'app' },
    { command: 'userstatus', params: 'cmd_userstatus_params', appId: 'app' },
    { command: 'stats', params: '' },
];

describe('the composer: slash commands', () => {
    it('splits a command into its name and the rest, as typed', () => {
        expect(parseSlashCommand('/status busy 1h Meeting')).toEqual({ command: 'status', params: 'busy 1h Meeting' });
        expect(parseSlashCommand('/status')).toEqual({ command: 'status', params: '' });
        expect(parseSlashCommand('  /status   away  ')).toEqual({ command: 'status', params: 'away' });
        expect(parseSlashCommand('hello /status')).toBeUndefined();
        expect(parseSlashCommand('/')).toBeUndefined();
    });

    it('lists commands by prefix while the name is typed, then only the one typed', () => {
        expect(matchingCommands('/st', commands).map((c) => c.command)).toEqual(['status', 'stats']);
        expect(matchingCommands('/', commands)).toHaveLength(3);
        expect(matchingCommands('/STATUS', commands).map((c) => c.command)).toEqual(['status']);
        expect(matchingCommands('/status busy', commands).map((c) => c.command)).toEqual(['status']);
        expect(matchingCommands('/nope x', commands)).toEqual([]);
        expect(matchingCommands('status', commands)).toEqual([]);
    });
});
