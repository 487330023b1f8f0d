import { CommandContext } from '../../../src/commands/CommandContext';
import { matchCustomStatusWords, parseStatusCommand, StatusCommandRequest } from '../../../src/commands/parseStatusCommand';
import { dispatchStatusCommand, StatusCommand } from '../../../src/commands/StatusCommand';
import { STATUS_MESSAGES } from '../../../src/i18n/statusMessages';
import { pickLanguage, translator } from '../../../src/i18n/translate';
import { SlashCommandContext } from '@rocket.chat/apps-engine/definition/slashcommands';
import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { PRESENCE_MESSAGES } from '../../../src/i18n/presenceMessages';
import { FakeWorld, makeUser } from '../../doubles/world';

const NOW = new Date('2026-06-10T12:00:00.000Z');
const opts = { now: NOW, utcOffset: 0 };
const split = (s: string): string[] => s.split(' ').filter((w) => w !== '');
const text = (s: string): StatusCommandRequest => ({ kind: 'text', words: split(s) });

describe('parseStatusCommand (table)', () => {
    const table: Array<[string, StatusCommandRequest]> = [
        ['', { kind: 'show' }],
        ['help', { kind: 'help' }],
        ['HELP', { kind: 'help' }],
        ['list', { kind: 'list' }],
        ['clear', { kind: 'clear' }],
        ['show', { kind: 'show' }],
        ['me', { kind: 'show' }],
        ['show @bob', { kind: 'show', username: 'bob' }],
        ['show bob', { kind: 'show', username: 'bob' }],
        ['connections', { kind: 'connections' }],
        ['enable', { kind: 'enable' }],
        ['custom', { kind: 'custom', words: [] }],
        ['custom create Lunch: away', { kind: 'custom', words: ['create', 'Lunch:', 'away'] }],
        ['busy', { kind: 'set', status: 'busy' }],
        ['Away back soon', { kind: 'set', status: 'away', message: 'back soon' }],
        ['offline', { kind: 'set', status: 'offline' }],
        ['invisible', { kind: 'set', status: 'offline' }],
        ['busy 30m', { kind: 'set', status: 'busy', expiresAt: new Date('2026-06-10T12:30:00.000Z') }],
        ['busy 1h In a meeting', { kind: 'set', status: 'busy', message: 'In a meeting', expiresAt: new Date('2026-06-10T13:00:00.000Z') }],
        ['away 2h30m', { kind: 'set', status: 'away', expiresAt: new Date('2026-06-10T14:30:00.000Z') }],
        ['away today lunch', { kind: 'set', status: 'away', message: 'lunch', expiresAt: new Date('2026-06-10T23:59:59.999Z') }],
        ['away tomorrow', { kind: 'set', status: 'away', expiresAt: new Date('2026-06-11T23:59:59.999Z') }],
        ['busy this week conference', { kind: 'set', status: 'busy', message: 'conference', expiresAt: new Date('2026-06-14T23:59:59.999Z') }],
        ['away 2026-06-20 holidays', { kind: 'set', status: 'away', message: 'holidays', expiresAt: new Date('2026-06-20T23:59:59.999Z') }],
        ['message hello world', { kind: 'set', message: 'hello world' }],
        ['message', { kind: 'set', message: '' }],
        ['busy 0m', { kind: 'error', key: 'error_invalid_duration', params: { duration: '0m' } }],
        ['busy 1h30', { kind: 'error', key: 'error_invalid_duration', params: { duration: '1h30' } }],
        ['busy 99 problems', { kind: 'set', status: 'busy', message: '99 problems' }],
        ['busy 2026-02-30', { kind: 'error', key: 'error_invalid_duration', params: { duration: '2026-02-30' } }],
        ['busy 2020-01-01', { kind: 'error', key: 'error_past_duration', params: { duration: '2020-01-01' } }],
        ['recent', { kind: 'recent' }],
        ['recent 2', { kind: 'recent', pick: 2 }],
        ['scheduled', { kind: 'scheduled' }],
        ['scheduled cancel 1', { kind: 'scheduled', cancel: 1 }],
        ['hours', { kind: 'hours' }],
        ['hours off', { kind: 'hours', hours: 'off' }],
        ['hours 09:00-17:00', { kind: 'hours', hours: { start: 540, end: 1020, days: [1, 2, 3, 4, 5], utcOffset: 0 } }],
        ['hours 08:00-12:00 sat-sun', { kind: 'hours', hours: { start: 480, end: 720, days: [0, 6], utcOffset: 0 } }],
        ['audit', { kind: 'audit' }],
        ['audit @bob', { kind: 'audit', username: 'bob' }],
        ['set @bob busy', { kind: 'setOther', username: 'bob', status: 'busy' }],
        [
            'set @bob away 1h Out for lunch',
            { kind: 'setOther', username: 'bob', status: 'away', message: 'Out for lunch', expiresAt: new Date('2026-06-10T13:00:00.000Z') },
        ],
        ['set @bob busy 0m', { kind: 'error', key: 'error_invalid_duration', params: { duration: '0m' } }],
        [
            'busy from 14:00 to 15:30 Meeting',
            { kind: 'schedule', status: 'busy', message: 'Meeting', start: new Date('2026-06-10T14:00:00.000Z'), end: new Date('2026-06-10T15:30:00.000Z') },
        ],
        [
            'away from 2026-06-01 09:00 to 2026-06-01 10:00',
            { kind: 'error', key: 'error_past_span', params: { span: 'from 2026-06-01 09:00 to 2026-06-01 10:00' } },
        ],
        // a subcommand word is that subcommand only when the rest fits its arguments
        ['recent holiday photos', text('recent holiday photos')],
        ['hours of fun', text('hours of fun')],
        ['set the table', text('set the table')],
        ['scheduled maintenance tonight', text('scheduled maintenance tonight')],
        ['audit season', text('audit season')],
        ['Working from home', text('Working from home')],
        ['bussy', text('bussy')],
        ['show me the money', text('show me the money')],
        ['help me please', text('help me please')],
        ['list of things', text('list of things')],
        ['clear skies ahead', text('clear skies ahead')],
        ['connections are slow', text('connections are slow')],
        ['enable the team', text('enable the team')],
        ['custom made suit', text('custom made suit')],
        ['show @bob please', text('show @bob please')],
    ];
    it.each(table)('%p', (input, expected) => {
        expect(parseStatusCommand(split(input), opts)).toEqual(expected);
    });

    it('words grouped by quotes (Rocket.Chat parseParameters) are joined back into the message', () => {
        expect(parseStatusCommand(['busy', '1h', 'in a meeting'], opts)).toEqual({
            kind: 'set',
            status: 'busy',
            message: 'in a meeting',
            expiresAt: new Date('2026-06-10T13:00:00.000Z'),
        });
    });
});

describe('a custom status name with an optional duration', () => {
    const statuses = [{ name: 'Lunch' }, { name: 'Out sick' }, { name: 'Out' }];
    it.each([
        ['Lunch', { status: { name: 'Lunch' } }],
        ['lunch 1h', { status: { name: 'Lunch' }, expiresAt: new Date('2026-06-10T13:00:00.000Z') }],
        ['Out sick this week', { status: { name: 'Out sick' }, expiresAt: new Date('2026-06-14T23:59:59.999Z') }],
        ['out 30m', { status: { name: 'Out' }, expiresAt: new Date('2026-06-10T12:30:00.000Z') }],
        ['Lunch 0m', { status: { name: 'Lunch' }, error: 'error_invalid_duration', text: '0m' }],
        ['Lunch from 12:00 to 13:00', { status: { name: 'Lunch' }, start: new Date('2026-06-10T12:00:00.000Z'), end: new Date('2026-06-10T13:00:00.000Z') }],
        ['Lunch from 12:00 to 11:00', { status: { name: 'Lunch' }, start: new Date('2026-06-10T12:00:00.000Z'), end: new Date('2026-06-11T11:00:00.000Z') }],
        ['Lunch from 25:00 to 26:00', { status: { name: 'Lunch' }, error: 'error_invalid_span', text: 'from 25:00 to 26:00' }],
        ['Lunch with Bob', undefined],
        ['Lunch 1h with Bob', undefined],
        ['Dinner', undefined],
    ])('%p', (input, expected) => {
        expect(matchCustomStatusWords(split(input), statuses, opts)).toEqual(expected);
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
            app: world.app() as never,
            read: world.read(),
            modify: world.modify(),
            persistence: world.persistence(),
            http: world.http(),
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
        expect((await dispatchStatusCommand(ctx('de'), split('busy'), false)).text).toBe('Ihr Status ist jetzt Beschäftigt.');
        expect((await dispatchStatusCommand(ctx('es'), split('list'), false)).text).toContain('Estados que puedes poner:');
    });

    it.each([
        ['bussy', 'Unknown subcommand "bussy".'],
        ['busy 0m', '"0m" is not a duration: use 30m, 1h, 2h30m, today, tomorrow, this week or a date like 2026-12-24.'],
        ['busy 2020-01-01', '"2020-01-01" is in the past.'],
        ['show @ghost', 'There is no user "ghost".'],
    ])('%p: one error line, then the help; nothing changes', async (input, line) => {
        const r = await dispatchStatusCommand(ctx(), split(input), false);
        expect(r.ok).toBe(false);
        expect(r.text).toBe(`${line}\n\n${STATUS_MESSAGES.en.help.replace(/\{command\}/g, '/userstatus')}`);
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
        world.workspaceSettings.Presence_broadcast_disabled = true;
        expect((await dispatchStatusCommand(ctx(), split('show bob'), false)).text).toBe('@bob: Disabled (the presence service is off).\nMessage: "focus".');
    });

    it('/status show me the money sets that message', async () => {
        const r = await dispatchStatusCommand(ctx(), split('show me the money'), true);
        expect(r.text).toBe('Your status message is now "show me the money".');
        expect(world.users.get('u1')).toMatchObject({ status: 'online', statusText: 'show me the money' });
    });

    it("the admins' presence subcommands need the right", async () => {
        const r = await dispatchStatusCommand(ctx(), ['connections'], false);
        expect(r).toEqual({ ok: false, text: PRESENCE_MESSAGES.en.not_allowed });
        expect(world.updates).toEqual([]);
    });

    it('help and list', async () => {
        expect((await dispatchStatusCommand(ctx(), ['help'], false)).text).toBe(STATUS_MESSAGES.en.help.replace(/\{command\}/g, '/userstatus'));
        expect((await dispatchStatusCommand(ctx(), ['list'], false)).text).toBe(
            'Statuses you can set:\n- online: available\n- away: not at the keyboard\n- busy: do not disturb\n- offline: appear offline (invisible)',
        );
    });

    it('the slash command answers ephemerally to the sender', async () => {
        const sender = world.users.get('u1')!;
        const context = new SlashCommandContext(sender, { id: 'room1' } as IRoom, ['away']);
        await new StatusCommand('status', true, world.app() as never).executor(context, world.read(), world.modify(), world.http(), world.persistence());
        expect(world.notifications).toEqual([{ userId: 'u1', text: 'Your status is now Away.' }]);
        expect(world.users.get('u1')?.status).toBe('away');
    });

    it('a failure answers one clear line, and nothing changed', async () => {
        const sender = world.users.get('u1')!;
        world.failOn('user.update');
        const context = new SlashCommandContext(sender, { id: 'room1' } as IRoom, ['busy', '1h']);
        await new StatusCommand('status', true, world.app() as never).executor(context, world.read(), world.modify(), world.http(), world.persistence());
        expect(world.notifications).toEqual([{ userId: 'u1', text: 'That did not work just now, and nothing was changed. Please try again.' }]);
        expect(world.users.get('u1')).toMatchObject({ status: 'online', statusText: 'hi' });
        expect(world.expiryRecords()).toEqual([]);
    });
});
