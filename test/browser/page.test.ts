/**
 * The web page at `/` of the local workspace, in a real headless Chromium (two separate browser
 * processes with their own profiles), against the packaged app in the real Apps-Engine runtime.
 * Every wait is for an effect (a DOM state, or a REST read through pollUntil), never a fixed sleep.
 */
import en from '../../i18n/en.json';
import de from '../../i18n/de.json';
import { pollUntil } from '../helpers/poll';
import { startWorkspace, type TestWorkspace } from '../helpers/workspace';
import { buildPage, chooseOption, findChromium, modalInput, openBrowser, logIn, userMenu, type BrowserSession } from './browser';

const chromiumPath = findChromium();
if (!chromiumPath) {
    process.stderr.write('browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install -y chromium, or set CHROMIUM_PATH)\n');
}
const suite = chromiumPath ? describe : describe.skip;
const suffix = Date.now().toString(36);

suite('the web page in a real browser', () => {
    let ws: TestWorkspace;
    let admin: BrowserSession;
    let other: BrowserSession;
    let testUser = '';
    const customName = `Lunch ${suffix}`;

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
        await page.locator('[data-qa=uikit-modal]').waitFor();
        const field = page.locator('[data-qa=uikit-modal] .rcx-field', { has: page.locator('label', { hasText: /^Status$/ }) });
        await field.locator('.rcx-select').click();
        await page.locator('.rcx-option', { hasText: customName }).first().click();
        await field.locator('.rcx-select', { hasText: customName }).waitFor();
        await page.locator('.rcx-option').first().waitFor({ state: 'hidden' });
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
        const renamed = `Deep focus ${suffix}`;
        const modal = page.locator('[data-qa=uikit-modal]');
        await userMenu(page, 'Custom statuses');
        await modal.waitFor();
        await modal.getByRole('button', { name: 'New custom status' }).click();
        await modalInput(page, 'Name').waitFor();
        await modalInput(page, 'Name').fill(name);
        await chooseOption(page, 'Presence', 'Busy');
        await page.click('[data-qa=uikit-modal-submit]');
        await modal.locator('text=' + name).waitFor();
        const [created] = await pollUntil(
            () => customStatuses(name),
            (list) => list.length === 1,
            { what: `custom status ${name}` },
        );
        expect(created).toMatchObject({ name, statusType: 'busy' });

        // the search is a block action per change: wait for the app's filtered list
        await modalInput(page, 'Search').fill(name);
        await pollUntil(
            () => modal.getByRole('button', { name: 'Edit' }).count(),
            (n) => n === 1,
            { what: 'the list filtered to one row' },
        );
        await modal.getByRole('button', { name: 'Edit' }).click();
        await modalInput(page, 'Name').waitFor();
        await modalInput(page, 'Name').fill(renamed);
        await page.click('[data-qa=uikit-modal-submit]');
        await modal.locator('text=' + renamed).waitFor();
        const [after] = await pollUntil(
            () => customStatuses(renamed),
            (list) => list.length === 1,
            { what: `custom status ${renamed}` },
        );
        expect(after._id).toBe(created._id);

        await modalInput(page, 'Search').fill(renamed);
        await pollUntil(
            () => modal.getByRole('button', { name: 'Delete' }).count(),
            (n) => n === 1,
            { what: 'the list filtered to the renamed row' },
        );
        await modal.getByRole('button', { name: 'Delete' }).click();
        await modal.locator('text=' + renamed).waitFor({ state: 'detached' });
        await pollUntil(
            () => customStatuses(renamed),
            (list) => list.length === 0,
            { what: `custom status ${renamed} deleted` },
        );
        await page.click('[data-qa=uikit-modal-close]');
        await modal.waitFor({ state: 'detached' });
    });

    it('an admin changes the cap on the settings page; the presence panel shows it', async () => {
        const { page } = admin;
        await userMenu(page, 'App settings');
        await page.locator('[data-qa=app-settings-page]').waitFor();
        const label = (await page.locator('[data-qa=setting-presence_connection_cap] label').first().textContent()) ?? '';
        expect(label.trim()).toBe(en.setting_presence_connection_cap);
        await page.locator('textarea[data-qa=setting-input-custom_statuses]').waitFor();
        const cap = page.locator('input[data-qa=setting-input-presence_connection_cap]');
        await cap.fill('150');
        await page.click('[data-qa=settings-save]');
        await page.locator('[data-qa=settings-notice]', { hasText: 'Saved' }).waitFor();
        await pollUntil(appSettings, (s) => s.presence_connection_cap.value === 150, { what: 'the cap saved as 150' });
        await page.reload();
        await page.waitForSelector('[data-qa=shell]');
        await userMenu(page, 'App settings');
        expect(await page.locator('input[data-qa=setting-input-presence_connection_cap]').inputValue()).toBe('150');

        await userMenu(page, 'Presence service');
        await page.locator('[data-qa=presence-bar][data-max="150"]').waitFor();
        await admin.screenshot('04-presence-panel');
    });

    it('presence off shows the banner and everyone as disabled; back on, the banner goes', async () => {
        // an admin switches the service off on the settings page; the app stops Rocket.Chat's broadcast
        await ws.setAppSettings({ presence_service_enabled: false });
        await other.page.locator('[data-qa=presence-disabled-banner]').waitFor();
        await other.page.locator(`[data-qa=member][data-username="${ws.admin.username}"][data-status=disabled]`).waitFor();
        await other.screenshot('05-presence-disabled');
        const enabled = await ws.app('POST', 'presence.enableBroadcast', {}, ws.admin);
        expect(enabled.status).toBe(200);
        await other.page.locator('[data-qa=presence-disabled-banner]').waitFor({ state: 'detached' });
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
