/**
 * The picker and the admin console through their interaction handlers, on test doubles, with the
 * Apps-Engine's own interaction contexts and responder.
 */
import { IUIKitResponse, UIKitBlockInteractionContext, UIKitViewSubmitInteractionContext } from '@rocket.chat/apps-engine/definition/uikit';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { dispatchStatusCommand } from '../../../src/commands/StatusCommand';
import { STATUS_MESSAGES } from '../../../src/i18n/statusMessages';
import { translator } from '../../../src/i18n/translate';
import { readPickerSpan } from '../../../src/ui/pickerSchedule';
import { handleBlockAction, handleViewSubmit, openStatusPicker } from '../../../src/ui/UiHandlers';
import { FakeWorld, makeUser } from '../../doubles/world';

let world: FakeWorld;
const t = translator(STATUS_MESSAGES, 'en');
const user = (id: string) => world.users.get(id) as IUser;

beforeEach(() => {
    world = new FakeWorld();
    world.addUser(makeUser('u1', { username: 'alice', status: 'online', statusText: 'hi' }));
    world.addUser(makeUser('a1', { username: 'root', roles: ['admin', 'user'] }));
});

const base = { appId: 'user-status-app', triggerId: 'trigger', actionId: '' };

type State = Record<string, Record<string, string>>;
const pickerState = (choice: string, fields: { message?: string; clearAfter?: string; from?: string; to?: string } = {}): State => ({
    'picker-status': { 'picker-status-select': choice },
    ...(fields.message !== undefined ? { 'picker-message': { 'picker-message-input': fields.message } } : {}),
    'picker-clear-after': { 'picker-clear-after-select': fields.clearAfter ?? 'never' },
    ...(fields.from !== undefined ? { 'picker-from': { 'picker-from-input': fields.from } } : {}),
    ...(fields.to !== undefined ? { 'picker-to': { 'picker-to-input': fields.to } } : {}),
});

async function submit(userId: string, viewId: string, state: State): Promise<IUIKitResponse & Record<string, unknown>> {
    const context = new UIKitViewSubmitInteractionContext({
        ...base,
        user: user(userId),
        view: { id: viewId, state } as never,
    } as never);
    return (await handleViewSubmit(world.app(), context, world.read(), world.http(), world.persistence(), world.modify())) as never;
}

async function press(userId: string, actionId: string, value?: string): Promise<IUIKitResponse & Record<string, unknown>> {
    const context = new UIKitBlockInteractionContext({ ...base, actionId, user: user(userId), value, blockId: 'b' } as never);
    return (await handleBlockAction(world.app(), context, world.read(), world.http(), world.persistence(), world.modify())) as never;
}

const run = (id: string, text: string) =>
    dispatchStatusCommand(
        {
            app: world.app() as never,
            read: world.read(),
            modify: world.modify(),
            persistence: world.persistence(),
            http: world.http(),
            sender: user(id),
            t,
            command: '/status',
            now: new Date(),
        },
        text.split(' '),
        true,
    );

const hhmm = (date: Date) => date.toISOString().slice(11, 16);
const viewText = (response: unknown) => JSON.stringify((response as { view?: unknown }).view);

describe('the picker', () => {
    it('offers the recent statuses first and sets one as it was, whatever the message field says', async () => {
        await run('u1', 'away Lunch');
        await run('u1', 'busy In a meeting');
        const view = JSON.stringify(await openStatusPicker(world.app(), world.read(), world.persistence(), user('u1')));
        expect(view).toContain('"value":"recent:busy:In a meeting"');
        expect(view.indexOf('recent:busy:In a meeting')).toBeLessThan(view.indexOf('recent:away:Lunch'));
        expect(view.indexOf('recent:away:Lunch')).toBeLessThan(view.indexOf('preset:online'));

        const response = await submit('u1', 'user-status-picker', pickerState('recent:away:Lunch', { message: 'ignored' }));
        expect(response).toEqual({ success: true });
        expect(user('u1')).toMatchObject({ status: 'away', statusText: 'Lunch' });
    });

    it('schedules instead of setting when From and To are given; the start job applies it', async () => {
        const start = new Date(Date.now() + 26 * 3600_000);
        const end = new Date(start.getTime() + 3600_000);
        const day = start.toISOString().slice(0, 10);
        const response = await submit(
            'u1',
            'user-status-picker',
            pickerState('preset:busy', { message: 'Offsite', from: `${day} ${hhmm(start)}`, to: `${end.toISOString().slice(0, 10)} ${hhmm(end)}` }),
        );
        expect(response).toEqual({ success: true });
        expect(user('u1')).toMatchObject({ status: 'online', statusText: 'hi' });
        expect((await run('u1', 'scheduled')).text).toContain('Busy "Offsite"');
        expect(world.scheduled.filter((job) => job.id === 'status-schedule-start')).toHaveLength(1);
    });

    it('puts a wrong or half-given schedule on its field and changes nothing', async () => {
        const incomplete = await submit('u1', 'user-status-picker', pickerState('preset:busy', { from: '14:00', to: '' }));
        expect(incomplete).toMatchObject({ success: false, type: 'errors', errors: { 'picker-to-input': 'Give both a start and an end, or neither' } });
        const notATime = await submit('u1', 'user-status-picker', pickerState('preset:busy', { from: 'lunchtime', to: '15:00' }));
        expect(notATime).toMatchObject({ success: false, errors: { 'picker-from-input': expect.stringMatching(/^Not a time/) } });
        const badEnd = await submit('u1', 'user-status-picker', pickerState('preset:busy', { from: '14:00', to: 'later' }));
        expect(badEnd).toMatchObject({ success: false, errors: { 'picker-to-input': expect.stringMatching(/^Not a time/) } });
        const past = await submit('u1', 'user-status-picker', pickerState('preset:busy', { from: '2020-01-01 09:00', to: '2020-01-01 10:00' }));
        expect(past).toMatchObject({ success: false, errors: { 'picker-to-input': '"2020-01-01 09:00 – 2020-01-01 10:00" is over already.' } });
        expect(user('u1')).toMatchObject({ status: 'online', statusText: 'hi' });
        expect(world.scheduled).toHaveLength(0);
    });

    it('reads the span in the user time zone', () => {
        const now = new Date('2026-12-06T10:00:00Z');
        expect(readPickerSpan('', '', now, 0)).toEqual({ kind: 'now' });
        expect(readPickerSpan('tomorrow 09:00', '10:30', now, 2)).toEqual({
            kind: 'span',
            start: new Date('2026-12-07T07:00:00Z'),
            end: new Date('2026-12-07T08:30:00Z'),
        });
        expect(readPickerSpan('14:00', '15:00 extra', now, 0)).toMatchObject({ kind: 'error', field: 'to', reason: 'invalid' });
        expect(readPickerSpan('14:00', '13:00', now, 0)).toEqual({
            kind: 'span',
            start: new Date('2026-12-06T14:00:00Z'),
            end: new Date('2026-12-07T13:00:00Z'),
        });
    });
});

describe('the admin console', () => {
    it('shows the presence report and the audit trail, and goes back to the list', async () => {
        await run('a1', 'set @alice away Parental leave');
        const presence = await press('a1', 'cs-admin-presence');
        expect(presence).toMatchObject({ success: true, type: 'modal.update' });
        const presenceView = viewText(presence);
        expect(presenceView).toContain('Connections: ');
        expect(presenceView).toContain('Presence service: on');
        expect(presenceView).toContain('Early warning at 80% of the cap (160 connections).');
        expect(presenceView).toContain('Daily peaks, the last 14 days:');

        const audit = viewText(await press('a1', 'cs-admin-audit'));
        expect(audit).toContain('@root');
        expect(audit).toContain('alice');
        expect(audit).toContain('Parental leave');

        const back = viewText(await press('a1', 'cs-admin-back'));
        expect(back).toContain('cs-admin-toolbar');
    });

    it('refuses the reports to a user without the right', async () => {
        expect(await press('u1', 'cs-admin-presence')).toEqual({ success: false });
        expect(await press('u1', 'cs-admin-audit')).toEqual({ success: false });
    });
});
