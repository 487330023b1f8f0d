import { dispatchStatusCommand } from '../../../src/commands/StatusCommand';
import { CommandContext } from '../../../src/commands/CommandContext';
import { parseCustomSubcommand } from '../../../src/commands/subcommands/customStatusSubcommands';
import { STATUS_MESSAGES } from '../../../src/i18n/statusMessages';
import { translator } from '../../../src/i18n/translate';
import { IUser } from '@rocket.chat/apps-engine/definition/users';
import { CustomStatusRepository } from '../../../src/storage/CustomStatusRepository';
import { RecordStore } from '../../../src/storage/records';
import { customStatusWorld } from '../../doubles/customStatusWorld';

function setup() {
    const env = customStatusWorld();
    const ctx = (sender: IUser, language?: string): CommandContext => ({
        app: env.app as never,
        read: env.world.read(),
        modify: env.world.modify(),
        persistence: env.world.persistence(),
        http: env.world.http(),
        sender: { ...sender, settings: { preferences: { language } } } as unknown as IUser,
        t: translator(STATUS_MESSAGES, language),
        command: '/status',
        now: new Date(),
    });
    const run = async (sender: IUser, text: string, language?: string) => dispatchStatusCommand(ctx(sender, language), text.split(' '), true);
    const stored = async () =>
        (await new CustomStatusRepository(new RecordStore(env.world.persistenceReader())).all()).map((s) => `${s.name}: ${s.statusType}`).sort();
    return { ...env, run, stored };
}

describe('admin subcommands: /status custom ...', () => {
    test.each([
        [['list'], { kind: 'list' }],
        [['create', 'Deep', 'work:', 'busy'], { kind: 'create', name: 'Deep work', statusType: 'busy' }],
        [['create', 'Note'], { kind: 'create', name: 'Note', statusType: '' }],
        [['rename', 'Deep', 'work', ':', 'Focus', 'time'], { kind: 'rename', name: 'Deep work', to: 'Focus time' }],
        [['presence', 'Focus:', 'away'], { kind: 'presence', name: 'Focus', statusType: 'away' }],
        [['delete', 'Focus', 'time'], { kind: 'delete', name: 'Focus time' }],
        [['rename', 'Focus'], { kind: 'usage' }],
        [['frobnicate'], { kind: 'usage' }],
    ])('parses %p', (words, expected) => {
        expect(parseCustomSubcommand(words)).toEqual(expected);
    });

    test('create, rename, change presence, list, delete', async () => {
        const { run, admin, stored } = setup();
        expect((await run(admin, 'custom create Deep work: busy')).text).toBe('Custom status "Deep work" created: Busy.');
        expect(await stored()).toEqual(['Deep work: busy']);
        expect((await run(admin, 'custom rename deep work : Focus')).text).toBe('Custom status "Deep work" is now "Focus".');
        expect((await run(admin, 'custom presence Focus : away')).text).toBe('Custom status "Focus" now sets Away.');
        expect((await run(admin, 'custom list')).text).toBe('Custom statuses:\n- Focus (Away)');
        expect((await run(admin, 'list')).text).toContain('Custom statuses:\n- Focus (Away)');
        expect((await run(admin, 'custom delete Focus')).text).toBe('Custom status "Focus" deleted. Users who show it keep it.');
        expect(await stored()).toEqual([]);
    });

    test('every rule answers one clear line, and nothing changes', async () => {
        const { run, admin, user, stored } = setup();
        await run(admin, 'custom create Lunch: away');
        const cases: Array<[IUser, string, string]> = [
            [user, 'custom create X: busy', 'you are not allowed to manage custom statuses'],
            [admin, 'custom create Lunch: busy', 'the name "Lunch" is already in use'],
            [admin, 'custom create a<b: busy', '"a<b" is not a valid name (no > < & " \')'],
            [admin, 'custom create Nap: dnd', '"dnd" is not a valid presence: online, away, busy or offline'],
            [admin, 'custom rename Nope : Other', 'there is no custom status "Nope"'],
            [admin, 'custom rename Lunch :', 'the name is required'],
        ];
        for (const [who, text, reply] of cases) {
            const answer = await run(who, text);
            expect(answer.ok).toBe(false);
            expect(answer.text).toBe(reply);
        }
        expect(await stored()).toEqual(['Lunch: away']);
    });

    test('replies in the user’s language', async () => {
        const { run, admin } = setup();
        expect((await run(admin, 'custom create Mittag: away', 'de')).text).toBe('Benutzerdefinierter Status "Mittag" erstellt: Abwesend.');
    });
});

describe('/status <custom name>', () => {
    test('sets the presence and the message to the name (same writer as users.setStatus)', async () => {
        const { run, admin, user, world } = setup();
        await run(admin, 'custom create In a meeting: busy');
        const answer = await run(user, 'in a MEETING');
        expect(answer).toEqual({ ok: true, text: 'Your status is now "In a meeting" (Busy).' });
        expect(world.users.get(user.id)).toMatchObject({ status: 'busy', statusText: 'In a meeting' });
    });

    test('a status without presence sets the message only', async () => {
        const { run, admin, user, world } = setup();
        await run(admin, 'custom create Reading');
        await run(user, 'Reading');
        expect(world.users.get(user.id)).toMatchObject({ status: 'online', statusText: 'Reading' });
    });

    test('the workspace rules still apply', async () => {
        const { run, admin, user, world } = setup();
        await run(admin, 'custom create Hidden: offline');
        world.workspaceSettings.Accounts_AllowInvisibleStatusOption = false;
        const answer = await run(user, 'Hidden');
        expect(answer.ok).toBe(false);
        expect(world.users.get(user.id)).toMatchObject({ status: 'online', statusText: '' });
    });

    test('text naming no custom status keeps its old meaning (a message)', async () => {
        const { run, user, world } = setup();
        await run(user, 'just text');
        expect(world.users.get(user.id)).toMatchObject({ statusText: 'just text' });
    });
});
