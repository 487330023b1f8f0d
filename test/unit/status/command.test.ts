import { CommandContext } from '../../../src/commands/CommandContext';
import { parseStatusCommand, StatusCommandRequest } from '../../../src/commands/parseStatusCommand';
import { dispatchStatusCommand, StatusCommand } from '../../../src/commands/StatusCommand';
import { STATUS_MESSAGES } from '../../../src/i18n/statusMessages';
import { pickLanguage, translator } from '../../../src/i18n/translate';
import { SlashCommandContext } from '@rocket.chat/apps-engine/definition/slashcommands';
import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { presenceMessage } from '../../../src/core/presence/PresenceMessages';
import { FakeWorld, makeUser } from './fakes';

const NOW = new Date('2026-06-10T12:00:00.000Z');
const opts = (freeTextIsMessage: boolean) => ({ now: NOW, utcOffset: 0, freeTextIsMessage });
const split = (s: string): string[] => s.split(' ');

describe('parseStatusCommand (table)', () => {
    const table: Array<[string, boolean, StatusCommandRequest]> = [
        ['', true, { kind: 'show' }],
        ['help', false, { kind: 'help' }],
        ['HELP', true, { kind: 'help' }],
        ['list', false, { kind: 'list' }],
        ['clear', false, { kind: 'clear' }],
        ['show', false, { kind: 'show' }],
        ['me', false, { kind: 'show' }],
        ['show @bob', false, { kind: 'show', username: 'bob' }],
        ['show bob', true, { kind: 'show', username: 'bob' }],
        ['busy', false, { kind: 'set', status: 'busy' }],
        ['Away back soon', false, { kind: 'set', status: 'away', message: 'back soon' }],
        ['offline', false, { kind: 'set', status: 'offline' }],
        ['invisible', false, { kind: 'set', status: 'offline' }],
        ['busy 30m', false, { kind: 'set', status: 'busy', expiresAt: new Date('2026-06-10T12:30:00.000Z') }],
        ['busy 1h In a meeting', false, { kind: 'set', status: 'busy', message: 'In a meeting', expiresAt: new Date('2026-06-10T13:00:00.000Z') }],
        ['away 2h30m', true, { kind: 'set', status: 'away', expiresAt: new Date('2026-06-10T14:30:00.000Z') }],
        ['away today lunch', true, { kind: 'set', status: 'away', message: 'lunch', expiresAt: new Date('2026-06-10T23:59:59.999Z') }],
        ['away tomorrow', true, { kind: 'set', status: 'away', expiresAt: new Date('2026-06-11T23:59:59.999Z') }],
        ['busy this week conference', true, { kind: 'set', status: 'busy', message: 'conference', expiresAt: new Date('2026-06-14T23:59:59.999Z') }],
        ['away 2026-06-20 holidays', false, { kind: 'set', status: 'away', message: 'holidays', expiresAt: new Date('2026-06-20T23:59:59.999Z') }],
        ['message hello world', false, { kind: 'set', message: 'hello world' }],
        ['message', false, { kind: 'set', message: '' }],
        ['Working from home', true, { kind: 'set', message: 'Working from home' }],
        ['Working from home', false, { kind: 'error', key: 'error_unknown_subcommand', params: { word: 'Working' } }],
        ['bussy', false, { kind: 'error', key: 'error_unknown_subcommand', params: { word: 'bussy' } }],
        ['busy 0m', true, { kind: 'error', key: 'error_invalid_duration', params: { duration: '0m' } }],
        ['busy 1h30', true, { kind: 'error', key: 'error_invalid_duration', params: { duration: '1h30' } }],
        ['busy 99 problems', true, { kind: 'set', status: 'busy', message: '99 problems' }],
        ['busy 2026-02-30', true, { kind: 'error', key: 'error_invalid_duration', params: { duration: '2026-02-30' } }],
        ['busy 2020-01-01', true, { kind: 'error', key: 'error_past_duration', params: { duration: '2020-01-01' } }],
    ];
    it.each(table)('%p (free text is message: %p)', (input, free, expected) => {
        expect(parseStatusCommand(split(input), opts(free))).toEqual(expected);
    });
});

describe('runtime catalog', () => {
    it.each(['pt-BR', 'de', 'es'])('%s carries every key', (lang) => {
        expect(Object.keys(STATUS_MESSAGES[lang] ?? {}).sort()).toEqual(Object.keys(STATUS_MESSAGES.en).sort());
    });
    it.each([
        ['pt-BR', 'pt-BR'],
        ['pt', 'pt-BR'],
        ['de-AT', 'de'],
        ['es', 'es'],
        ['fr', 'en'],
        [undefined, 'en'],
    ])('%p -> %p', (preferred, expected) => expect(pickLanguage(Object.keys(STATUS_MESSAGES), preferred)).toBe(expected));
    it('falls back to English for a missing key', () => {
        const t = translator({ en: { a: 'A {x}' }, de: {} }, 'de');
        expect(t('a', { x: 1 })).toBe('A 1');
    });
});

describe('status command dispatcher', () => {
    let world: FakeWorld;
    const ctx = (language?: string): CommandContext => {
        const sender = world.users.get('u1')!;
        return {
            read: world.read(),
            modify: world.modify(),
            persistence: world.persistence(),
            sender: { ...sender, settings: language ? { preferences: { language } } : undefined },
            t: translator(STATUS_MESSAGES, language),
            command: '/userstatus',
            now: new Date(),
        };
    };
    beforeEach(() => {
        world = new FakeWorld();
        world.addUser(makeUser('u1', { username: 'alice', status: 'online', statusText: 'hi' }));
        world.addUser(makeUser('u2', { username: 'bob', status: 'busy', statusText: 'focus' }));
    });

    it('sets a preset with a message and an expiry', async () => {
        const r = await dispatchStatusCommand(ctx(), split('busy 1h In a meeting'), false);
        expect(r.ok).toBe(true);
        expect(r.text).toMatch(
            /^Your status is now Busy until \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(UTC\); then the previous one comes back\.\nYour status message is now "In a meeting"\.$/,
        );
        expect(world.users.get('u1')).toMatchObject({ status: 'busy', statusText: 'In a meeting' });
        expect(world.scheduled).toHaveLength(1);
    });

    it('answers in the user language', async () => {
        const r = await dispatchStatusCommand(ctx('pt-BR'), split('away'), false);
        expect(r.text).toBe('Seu status agora é Ausente.');
        expect((await dispatchStatusCommand(ctx('de'), split('busy'), false)).text).toBe('Dein Status ist jetzt Beschäftigt.');
        expect((await dispatchStatusCommand(ctx('es'), split('list'), false)).text).toContain('Estados que puedes poner:');
    });

    it.each(['bussy', 'busy 0m', 'busy 2020-01-01', 'show @ghost'])('%p: one error line, then the help; nothing changes', async (input) => {
        const r = await dispatchStatusCommand(ctx(), split(input), false);
        expect(r.ok).toBe(false);
        const [first, ...rest] = r.text.split('\n');
        expect(first).not.toBe('');
        expect(rest.join('\n')).toContain('Usage of /userstatus:');
        expect(world.updates).toEqual([]);
        expect(world.scheduled).toEqual([]);
    });

    it('offline while the invisible status is disabled: error, nothing changes', async () => {
        world.workspaceSettings.Accounts_AllowInvisibleStatusOption = false;
        const r = await dispatchStatusCommand(ctx(), split('offline gone'), false);
        expect(r.text.split('\n')[0]).toBe('The invisible (offline) status is disabled on this workspace.');
        expect(world.updates).toEqual([]);
    });

    it('status changes not allowed: error, nothing changes', async () => {
        world.workspaceSettings.Accounts_AllowUserStatusMessageChange = false;
        const r = await dispatchStatusCommand(ctx(), split('message hello'), true);
        expect(r.text.split('\n')[0]).toBe('Changing the status is not allowed on this workspace.');
        expect(world.updates).toEqual([]);
    });

    it('/status <message> sets only the message', async () => {
        const r = await dispatchStatusCommand(ctx(), split('Working from home'), true);
        expect(r.text).toBe('Your status message is now "Working from home".');
        expect(world.updates).toEqual([{ userId: 'u1', statusText: 'Working from home' }]);
    });

    it('clear: online with no message, pending expiry cancelled', async () => {
        await dispatchStatusCommand(ctx(), split('busy 1h'), false);
        const r = await dispatchStatusCommand(ctx(), split('clear'), false);
        expect(r.text).toBe('Your status is cleared: Online, no message.');
        expect(world.users.get('u1')).toMatchObject({ status: 'online', statusText: '' });
        expect(world.expiryRecords()).toEqual([]);
    });

    it('show: own and someone else', async () => {
        expect((await dispatchStatusCommand(ctx(), [], false)).text).toBe('Your status: Online.\nMessage: "hi".');
        expect((await dispatchStatusCommand(ctx(), split('show @bob'), false)).text).toBe('@bob: Busy.\nMessage: "focus".');
        world.appSettings.presence_service_enabled = false;
        expect((await dispatchStatusCommand(ctx(), split('show bob'), false)).text).toContain('Disabled');
    });

    it("routes the admins' presence subcommands to the presence feature", async () => {
        world.appSettings.roles_manage_user_status = 'admin';
        const app = { getID: () => 'app', getLogger: () => console, getAccessors: () => ({ environmentWriter: {} }) };
        const r = await dispatchStatusCommand({ ...ctx(), presence: { app: app as never, http: {} as never } }, ['connections'], false);
        expect(r.text).toContain(presenceMessage('en', 'not_allowed'));
        expect(world.updates).toEqual([]);
    });

    it('help and list', async () => {
        expect((await dispatchStatusCommand(ctx(), ['help'], false)).text).toContain('/userstatus clear');
        expect((await dispatchStatusCommand(ctx(), ['list'], false)).text.split('\n')).toHaveLength(5);
    });

    it('the slash command answers ephemerally to the sender', async () => {
        const sender = world.users.get('u1')!;
        const context = new SlashCommandContext(sender, { id: 'room1' } as IRoom, ['away']);
        await new StatusCommand('status', true).executor(context, world.read(), world.modify(), {} as never, world.persistence());
        expect(world.notifications).toEqual([{ userId: 'u1', text: 'Your status is now Away.' }]);
        expect(world.users.get('u1')?.status).toBe('away');
    });
});
