/**
 * The web page at `/` of the local workspace, in a real headless Chromium (two separate browser
 * processes with their own profiles), against the packaged app in the real Apps-Engine runtime.
 * Every wait is for an effect (a DOM state, or a REST read through pollUntil), never a fixed sleep.
 * UIKit blocks are found by the app's block ids, never by their order in the view.
 */
import en from '../../i18n/en.json';
import de from '../../i18n/de.json';
import { PRESENCE_MESSAGES } from '../../src/i18n/presenceMessages';
import { STATUS_MESSAGES } from '../../src/i18n/statusMessages';
import { UI_MESSAGES } from '../../src/i18n/uiMessages';
import { CustomStatusAdminId } from '../../src/ui/CustomStatusAdminView';
import { StatusPickerId } from '../../src/ui/StatusPickerView';
import { CATALOGS, interpolate } from '../../web/src/i18n/catalog';
import { pollUntil } from '../helpers/poll';
import { startWorkspace, type TestWorkspace } from '../helpers/workspace';
import {
    attributes,
    buildPage,
    chooseOption,
    findChromium,
    menuEntry,
    modalBlock,
    modalInput,
    openBrowser,
    logIn,
    userMenu,
    type BrowserSession,
} from './browser';

const chromiumPath = findChromium();
if (!chromiumPath) {
    process.stderr.write('browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install -y chromium, or set CHROMIUM_PATH)\n');
}
const suite = chromiumPath ? describe : describe.skip;
const suffix = Date.now().toString(36);
const page_en = CATALOGS.en;
const page_de = CATALOGS.de;

suite('the web page in a real browser', () => {
    let ws: TestWorkspace;
    let admin: BrowserSession;
    let other: BrowserSession;
    let testUser = '';
    const customName = `Lunch ${suffix}`;
    const renamed = `Deep focus ${suffix}`;

    const appSettings = async () => (await ws.request('GET', `/api/apps/${ws.appId}/settings`, undefined, ws.admin)).body.settings;
    const customStatuses = async (name: string) =>
        (await ws.app('GET', 'custom-user-status.list', { name }, ws.admin)).body.statuses as Array<{ _id: string; name: string; statusType: string }>;

    beforeAll(async () => {
        buildPage();
        ws = await startWorkspace();
        admin = await openBrowser(chromiumPath!);
        other = await openBrowser(chromiumPath!);
    }, 180_000);

    afterAll(async () => {
        await admin?.close();
        await other?.close();
        await ws?.stop();
    }, 60_000);

    it('logs in, lists the commands with their hints while typing, and runs /status busy 1h Meeting', async () => {
        const { page } = admin;
        await logIn(page, ws.url, ws.admin.username, ws.admin.password!);
        await page.fill('input[data-qa=composer-input]', '/sta');
        const item = page.locator('[data-qa=command-item][data-command=status]');
        await item.waitFor();
        const hint = (await item.locator('[data-qa=command-params]').textContent()) ?? '';
        expect(hint.trim()).toBe(en.cmd_status_params);

        await page.fill('input[data-qa=composer-input]', '/status busy 1h Meeting');
        await page.keyboard.press('Enter');
        const reply = page.locator('[data-qa=message][data-ephemeral=true]', { hasText: 'Meeting' });
        await reply.waitFor();
        expect(await reply.textContent()).toMatch(/Busy/);
        await page.locator('[data-qa=own-status-text]', { hasText: 'Meeting' }).waitFor();
        await pollUntil(
            async () => (await ws.request('GET', `/api/v1/users.info?userId=${ws.admin.userId}`, undefined, ws.admin)).body.user,
            (u) => u.status === 'busy' && u.statusText === 'Meeting',
            { what: 'the admin busy with "Meeting"' },
        );
        await admin.screenshot('01-status-command');
    });

    it('a test user picks a custom status in Set status; the other browser sees the dot and the message change', async () => {
        await ws.app('POST', 'custom-user-status.create', { name: customName, statusType: 'away' }, ws.admin);
        const { page } = other;
        await page.goto(ws.url);
        await page.fill('#login-username', ws.admin.username);
        await page.fill('#login-password', ws.admin.password!);
        await page.click('[data-qa=login-create-test-user]');
        await page.waitForSelector('[data-qa=shell]');
        testUser = ((await page.locator('[data-qa=own-username]').textContent()) ?? '').trim();
        expect(testUser).toMatch(/^test-/);
        const notice = page.locator('[data-qa=page-notice]', { hasText: testUser });
        await notice.waitFor();
        await notice.getByRole('button', { name: 'Dismiss' }).click();
        await notice.waitFor({ state: 'detached' });

        const seen = admin.page.locator(`[data-qa=member][data-username="${testUser}"]`);
        await seen.waitFor();
        expect(await seen.getAttribute('data-status')).toBe('online');

        await userMenu(page, 'Set status');
        await page.locator(`[data-qa=uikit-modal][data-view-id="${StatusPickerId.View}"]`).waitFor();
        await chooseOption(page, StatusPickerId.StatusBlock, customName);
        await other.screenshot('02-picker');
        await page.click('[data-qa=uikit-modal-submit]');
        await page.locator('[data-qa=uikit-modal]').waitFor({ state: 'detached' });

        await admin.page.locator(`[data-qa=member][data-username="${testUser}"][data-status=away]`, { hasText: customName }).waitFor();
        await page.locator('[data-qa=own-status-text]', { hasText: customName }).waitFor();
        await admin.screenshot('03-page-two-users');
    });

    it('an admin creates, renames and deletes a custom status in the console', async () => {
        const { page } = admin;
        const name = `Focus ${suffix}`;
        const modal = page.locator(`[data-qa=uikit-modal][data-view-id="${CustomStatusAdminId.View}"]`);
        await userMenu(page, 'Custom statuses');
        await modal.waitFor();
        await modalBlock(page, CustomStatusAdminId.ToolbarBlock).getByRole('button', { name: UI_MESSAGES.en.admin_new }).click();
        await modalInput(page, CustomStatusAdminId.NameBlockPrefix, 'prefix').waitFor();
        await modalInput(page, CustomStatusAdminId.NameBlockPrefix, 'prefix').fill(name);
        await chooseOption(page, CustomStatusAdminId.PresenceBlock, 'Busy');
        await page.click('[data-qa=uikit-modal-submit]');
        await modal.locator('text=' + name).waitFor();
        const [created] = await pollUntil(
            () => customStatuses(name),
            (list) => list.length === 1,
            { what: `custom status ${name}` },
        );
        expect(created).toMatchObject({ name, statusType: 'busy' });
        const row = modalBlock(page, `${CustomStatusAdminId.RowBlockPrefix}${created._id}`);

        // the search is a block action per change: wait for the app's filtered list
        await modalInput(page, CustomStatusAdminId.SearchBlock).fill(name);
        await pollUntil(
            () => modal.locator(`[data-block-id^="${CustomStatusAdminId.RowBlockPrefix}"][data-block-type=actions]`).count(),
            (n) => n === 1,
            { what: 'the list filtered to one row' },
        );
        await row.getByRole('button', { name: 'Edit' }).click();
        await modalInput(page, `${CustomStatusAdminId.NameBlockPrefix}${created._id}`).waitFor();
        await modalInput(page, `${CustomStatusAdminId.NameBlockPrefix}${created._id}`).fill(renamed);
        await page.click('[data-qa=uikit-modal-submit]');
        await modal.locator('text=' + renamed).waitFor();
        const [after] = await pollUntil(
            () => customStatuses(renamed),
            (list) => list.length === 1,
            { what: `custom status ${renamed}` },
        );
        expect(after._id).toBe(created._id);

        await row.getByRole('button', { name: 'Delete' }).click();
        await modal.locator('text=' + renamed).waitFor({ state: 'detached' });
        await pollUntil(
            () => customStatuses(renamed),
            (list) => list.length === 0,
            { what: `custom status ${renamed} deleted` },
        );
        await page.click('[data-qa=uikit-modal-close]');
        await modal.waitFor({ state: 'detached' });
    });

    it("an admin changes the cap on the settings page, grouped in the app's sections with their translated titles", async () => {
        const { page } = admin;
        await userMenu(page, 'App settings');
        await page.locator('[data-qa=app-settings-page]').waitFor();
        const sections = page.locator('[data-qa=settings-section]');
        await sections.first().waitFor();
        const ids = await attributes(sections, 'data-section');
        expect(ids).toEqual(['section_status', 'section_custom_statuses', 'section_presence']);
        const titles = await page.locator('[data-qa=settings-section-title]').allTextContents();
        expect(titles).toEqual([en.section_status, en.section_custom_statuses, en.section_presence]);
        const inSection = (section: string, setting: string) =>
            page.locator(`[data-qa=settings-section][data-section=${section}] [data-qa=setting-${setting}]`);
        await inSection('section_status', 'roles_edit_other_user_status').waitFor();
        await inSection('section_custom_statuses', 'custom_statuses').locator('textarea').waitFor();
        await inSection('section_presence', 'presence_warning_percent').waitFor();
        await inSection('section_presence', 'presence_workspace_access_token').waitFor();
        const label = (await inSection('section_presence', 'presence_connection_cap').locator('label').first().textContent()) ?? '';
        expect(label.trim()).toBe(en.setting_presence_connection_cap);
        const hint = (await inSection('section_presence', 'presence_warning_percent').locator('.rcx-field__hint').textContent()) ?? '';
        expect(hint.trim()).toBe(en.setting_presence_warning_percent_description);

        const cap = page.locator('input[data-qa=setting-input-presence_connection_cap]');
        await cap.fill('150');
        await page.click('[data-qa=settings-save]');
        await page.locator('[data-qa=settings-notice]', { hasText: page_en.saved }).waitFor();
        await pollUntil(appSettings, (s) => s.presence_connection_cap.value === 150, { what: 'the cap saved as 150' });
        await admin.screenshot('04-settings-sections');
        await page.reload();
        await page.waitForSelector('[data-qa=shell]');
        await userMenu(page, 'App settings');
        expect(await page.locator('input[data-qa=setting-input-presence_connection_cap]').inputValue()).toBe('150');
    });

    it('the presence panel shows the count against the cap with the warning level, its source, the daily history and the audit trail; the early warning arrives from the bot', async () => {
        const { page } = admin;
        // two users are logged in (the admin and the test user): the app's count is at least 2
        await pollUntil(
            async () => (await ws.app('GET', 'presence.getConnections', undefined, ws.admin)).body,
            (b) => b.current >= 2 && b.max === 150,
            { what: 'two connections counted against the cap of 150' },
        );
        // a warning level of 1 % of 150 is 2 connections: reached
        await menuEntry(page, 'app-settings');
        await page.locator('input[data-qa=setting-input-presence_warning_percent]').fill('1');
        await page.click('[data-qa=settings-save]');
        await page.locator('[data-qa=settings-notice]', { hasText: page_en.saved }).waitFor();
        await pollUntil(appSettings, (s) => s.presence_warning_percent.value === 1, { what: 'the warning level saved as 1 %' });

        await menuEntry(page, 'presence-panel');
        const panel = page.locator('[data-qa=presence-panel]');
        await panel.locator('[data-qa=presence-bar][data-max="150"][data-warning-level="2"]').waitFor();
        await panel.locator('[data-qa=presence-warning-mark]').waitFor();
        const words = interpolate(page_en.presence_warning_level, { percent: 1, level: 2 });
        await panel.locator('[data-qa=presence-warning-text]', { hasText: words }).waitFor();
        await panel.locator('[data-qa=presence-warning-reached]').waitFor();
        const source = panel.locator('[data-qa=presence-source][data-source=estimate]');
        await source.waitFor();
        expect(await source.textContent()).toContain(en.setting_presence_workspace_access_token);

        // today's peak in the 14-day chart and the 90-day table
        const today = new Date().toISOString().slice(0, 10);
        expect(await panel.locator('[data-qa=presence-history-day]').count()).toBe(14);
        const bar = panel.locator(`[data-qa=presence-history-day][data-date="${today}"]`);
        await bar.waitFor();
        expect(Number(await bar.getAttribute('data-peak'))).toBeGreaterThanOrEqual(2);
        await panel.locator(`[data-qa=presence-history-row][data-date="${today}"]`).waitFor();

        // the audit trail: the console's changes, newest first
        const deleted = panel.locator('[data-qa=presence-audit-entry][data-action="custom-user-status.delete"][data-source=console]', { hasText: renamed });
        await deleted.waitFor();
        expect(await deleted.textContent()).toContain(interpolate(STATUS_MESSAGES.en.audit_custom_delete, { name: renamed }));
        const actions = await attributes(panel.locator('[data-qa=presence-audit-entry]'), 'data-action');
        expect(actions.slice(0, 3)).toEqual(['custom-user-status.delete', 'custom-user-status.update', 'custom-user-status.create']);
        await admin.screenshot('05-presence-panel');

        // the early warning: a direct message from the app's bot, shown live in its room
        const botRoom = page.locator('[data-qa=room]', { hasText: 'user-status.bot' });
        await botRoom.waitFor();
        await botRoom.click();
        const warning = PRESENCE_MESSAGES.en.admin_warning.split('{')[0];
        await page.locator('[data-qa=message][data-ephemeral=false]', { hasText: warning }).waitFor();
        expect(await page.locator('[data-qa=message]', { hasText: warning }).textContent()).toContain('warning level 1%');

        // the panel and the settings page in the admin's language
        await page.selectOption('[data-qa=language-select]', 'de');
        await menuEntry(page, 'presence-panel');
        await panel.locator('[data-qa=presence-warning-text]', { hasText: interpolate(page_de.presence_warning_level, { percent: 1, level: 2 }) }).waitFor();
        await panel
            .locator('[data-qa=presence-audit-entry]', {
                hasText: interpolate((STATUS_MESSAGES.de as typeof STATUS_MESSAGES.en).audit_custom_delete, { name: renamed }),
            })
            .waitFor();
        await menuEntry(page, 'app-settings');
        await page.locator('[data-qa=settings-section-title]', { hasText: de.section_presence }).waitFor();
        expect(await page.locator('[data-qa=settings-section-title]').allTextContents()).toEqual([
            de.section_status,
            de.section_custom_statuses,
            de.section_presence,
        ]);
        await page.selectOption('[data-qa=language-select]', 'en');
        await page.locator('[data-qa=settings-section-title]', { hasText: en.section_presence }).waitFor();
    });

    it('presence off shows the banner and everyone as disabled, and the admin the notice; back on from the panel, the banner goes', async () => {
        const { page } = admin;
        await menuEntry(page, 'presence-panel');
        const panel = page.locator('[data-qa=presence-panel]');
        await panel.locator('[data-qa=presence-state][data-enabled=true]').waitFor();
        // an admin switches the service off on the settings page; the app applies it in a job and stops Rocket.Chat's broadcast
        await ws.setAppSettings({ presence_service_enabled: false });
        await other.page.locator('[data-qa=presence-disabled-banner]').waitFor();
        await other.page.locator(`[data-qa=member][data-username="${ws.admin.username}"][data-status=disabled]`).waitFor();
        await other.screenshot('06-presence-disabled');

        // the test user's next interaction with the app, the picker, opens with the notice (a block of its own, wherever it sits)
        await userMenu(other.page, 'Set status');
        const notice = modalBlock(other.page, StatusPickerId.NoticeBlock);
        await notice.waitFor();
        expect((await notice.textContent())?.trim()).toBe(PRESENCE_MESSAGES.en.inactive_notice_admin);
        await modalBlock(other.page, StatusPickerId.StatusBlock).locator('.rcx-select').waitFor();
        await other.screenshot('07-picker-notice');
        await other.page.click('[data-qa=uikit-modal-close]');
        await other.page.locator('[data-qa=uikit-modal]').waitFor({ state: 'detached' });

        // the admin's next app endpoint answer (the panel's own reads) carries the one-time notice
        await page.locator('[data-qa=app-notice]', { hasText: PRESENCE_MESSAGES.en.inactive_notice_admin }).waitFor();
        await panel.locator('[data-qa=presence-state][data-enabled=false]').waitFor();
        await panel.locator('[data-qa=presence-audit-entry][data-action="presence.off"][data-source=settings]').waitFor();
        await admin.screenshot('08-presence-off-panel');

        await panel.locator('[data-qa=presence-enable]').click();
        await panel.locator('[data-qa=presence-state][data-enabled=true]').waitFor();
        await panel.locator('[data-qa=presence-audit-entry][data-action="presence.on"]').waitFor();
        await other.page.locator('[data-qa=presence-disabled-banner]').waitFor({ state: 'detached' });
        await other.page.locator(`[data-qa=member][data-username="${ws.admin.username}"]:not([data-status=disabled])`).waitFor();
    });

    it("the language comes from the user's profile and switches with users.setPreferences", async () => {
        const { page } = other;
        await page.selectOption('[data-qa=language-select]', 'de');
        await page.locator('[data-qa=member-list]', { hasText: 'Mitglieder' }).waitFor();
        await page.reload();
        await page.locator('[data-qa=member-list]', { hasText: 'Mitglieder' }).waitFor();
        await page.click('[data-qa=user-menu]');
        const label = (await page.locator('[data-qa=app-action-button]').first().textContent()) ?? '';
        expect(label.trim()).toBe(de.action_set_status);
        await page.click('[data-qa=user-menu]');
        await page.selectOption('[data-qa=language-select]', 'en');
        await page.locator('[data-qa=member-list]', { hasText: 'Members' }).waitFor();
    });
});
