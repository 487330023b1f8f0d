/**
 * The page as a person meets it, in a real headless Chromium, in English and German (and its text
 * in every language the page has): no HTML entity, i18n key, `undefined` or `[object Object]` on
 * screen; no critical or serious axe-core violation on the login form, the room, the picker, the
 * console, the settings page and the presence panel; the whole journey (log in, run /status, open
 * the picker, set a status, close it) with the keyboard alone; the assets compressed and cached,
 * what only admins use loaded when first opened, the panel reading the app's settings once.
 * Two people: a user (the keyboard journey) and the admin (the admin screens), each in their own
 * browser with their own language.
 */
import * as http from 'http';
import type { Page, Response } from 'playwright-core';
import appEn from '../../i18n/en.json';
import { CUSTOM_STATUS_MESSAGES } from '../../src/i18n/customStatusMessages';
import { PRESENCE_MESSAGES } from '../../src/i18n/presenceMessages';
import { STATUS_MESSAGES } from '../../src/i18n/statusMessages';
import { translator } from '../../src/i18n/translate';
import { UI_MESSAGES } from '../../src/i18n/uiMessages';
import { presenceLabel } from '../../src/services/customStatusText';
import { CustomStatusAdminId } from '../../src/ui/CustomStatusAdminView';
import { StatusPickerId } from '../../src/ui/StatusPickerView';
import { CATALOGS } from '../../web/src/i18n/catalog';
import { pollUntil } from '../helpers/poll';
import { startWorkspace, type Creds, type TestWorkspace } from '../helpers/workspace';
import { buildPage, findChromium, logIn, menuEntry, modalBlock, openBrowser, type BrowserSession } from './browser';
import { blockingViolations, focusedMatches, screenTextProblems, tabTo } from './checks';

/** Waits until the focus is on an element matching `selector` (focus moves in effects, after the key press). */
const expectFocus = (page: Page, selector: string) =>
    pollUntil(
        () => focusedMatches(page, selector),
        (there) => there,
        { what: `the focus on ${selector}` },
    );
import { i18nKeys } from './visibleText';

const chromiumPath = findChromium();
const suite = chromiumPath ? describe : describe.skip;
const suffix = Date.now().toString(36);
const KEYS = i18nKeys(CATALOGS.en, appEn, UI_MESSAGES.en, STATUS_MESSAGES.en, PRESENCE_MESSAGES.en, CUSTOM_STATUS_MESSAGES.en);
const LOCALES: Record<string, string> = { en: 'en-US', de: 'de-DE', es: 'es-ES', 'pt-BR': 'pt-BR' };
const ADMIN_CHUNKS = /\/web\/chunks\/(AppSettingsPage|PresencePanel)-[A-Z0-9]{8}\.js$/;
const MODAL = '[data-qa=uikit-modal]';
const PICKER = `[data-qa=uikit-modal][data-view-id="${StatusPickerId.View}"]`;

/** A screen passes when axe finds nothing blocking and its text holds nothing raw. */
async function expectScreen(page: Page, screen: string, opts: { axe?: boolean } = {}): Promise<void> {
    const text = await screenTextProblems(page, KEYS);
    expect({ screen, text }).toEqual({ screen, text: [] });
    if (opts.axe !== false) {
        const axe = await blockingViolations(page);
        expect({ screen, axe }).toEqual({ screen, axe: [] });
    }
}

/** GET on the workspace with the given request headers; the raw body (not decoded). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
        http.get(url, { headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
            res.on('error', reject);
        }).on('error', reject);
    });
}

suite('the page as a person meets it', () => {
    let ws: TestWorkspace;
    let customId = '';
    const customName = `Focus ${suffix}`;

    beforeAll(async () => {
        buildPage();
        ws = await startWorkspace();
        const created = await ws.app('POST', 'custom-user-status.create', { name: customName, statusType: 'busy' }, ws.admin);
        customId = created.body.customUserStatus._id;
    }, 180_000);

    afterAll(async () => {
        await ws?.stop();
    }, 60_000);

    it('sends the assets compressed by Accept-Encoding, caches the hashed ones for a year and has index.html revalidated', async () => {
        const index = await rawGet(ws.url, { 'Accept-Encoding': 'identity' });
        expect(index.status).toBe(200);
        expect(index.headers['cache-control']).toBe('no-cache');
        expect(index.headers.etag).toBeTruthy();
        expect((await rawGet(ws.url, { 'If-None-Match': String(index.headers.etag), 'Accept-Encoding': 'identity' })).status).toBe(304);
        const html = index.body.toString('utf8');
        const script = /<script type="module" src="([^"]+)"/.exec(html)?.[1];
        const styles = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
        expect(script).toMatch(/^\/web\/app-[A-Z0-9]{8}\.js$/);
        for (const asset of [script!, styles!]) {
            const plain = await rawGet(`${ws.url}${asset}`, { 'Accept-Encoding': 'identity' });
            const br = await rawGet(`${ws.url}${asset}`, { 'Accept-Encoding': 'gzip, deflate, br' });
            const gzip = await rawGet(`${ws.url}${asset}`, { 'Accept-Encoding': 'gzip' });
            expect(plain.headers['content-encoding']).toBeUndefined();
            expect(br.headers['content-encoding']).toBe('br');
            expect(gzip.headers['content-encoding']).toBe('gzip');
            for (const res of [plain, br, gzip]) {
                expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
                expect(res.headers.vary).toBe('Accept-Encoding');
            }
            expect(br.body.length).toBeLessThan(plain.body.length / 2);
            expect(Number(br.headers['content-length'])).toBe(br.body.length);
        }
    });

    describe.each(['en', 'de'])('in %s', (language) => {
        const t = CATALOGS[language];
        const ct = translator(CUSTOM_STATUS_MESSAGES, language);
        let user: BrowserSession;
        let admin: BrowserSession;
        let userCreds: Creds;
        const userRequests: string[] = [];
        const adminResponses: Response[] = [];

        beforeAll(async () => {
            userCreds = await ws.createUser(`kb-${language.toLowerCase()}-${suffix}`);
            for (const creds of [userCreds, ws.admin]) {
                await ws.request('POST', '/api/v1/users.setPreferences', { data: { language } }, creds);
            }
            user = await openBrowser(chromiumPath!, { locale: LOCALES[language] });
            admin = await openBrowser(chromiumPath!, { locale: LOCALES[language] });
            user.page.on('request', (request) => userRequests.push(request.url()));
            admin.page.on('response', (response) => adminResponses.push(response));
        }, 60_000);

        afterAll(async () => {
            await user?.close();
            await admin?.close();
        }, 60_000);

        it('with the keyboard alone: logs in, runs /status, opens the picker, sets a status and closes it; every screen on the way passes axe and holds no raw text', async () => {
            const { page } = user;
            await page.goto(ws.url);
            await page.locator('#login-username').waitFor();
            expect(await page.getAttribute('html', 'lang')).toBe(language);
            await expectScreen(page, 'login form');
            await user.screenshot(`quality-${language}-login`);

            // log in: Tab to the username, type, Tab to the password, type, Enter
            await tabTo(page, '#login-username');
            await page.keyboard.press('ControlOrMeta+A');
            await page.keyboard.type(userCreds.username);
            await page.keyboard.press('Tab');
            await expectFocus(page, '#login-password');
            await page.keyboard.type(userCreds.password!);
            await page.keyboard.press('Enter');
            await page.locator('[data-qa=shell]').waitFor();

            // run /status in the composer
            await tabTo(page, 'input[data-qa=composer-input]');
            await page.keyboard.type("/status busy Don't disturb");
            await page.keyboard.press('Enter');
            await page.locator('[data-qa=message][data-ephemeral=true]', { hasText: "Don't disturb" }).waitFor();
            await page.locator('[data-qa=own-status-text]', { hasText: "Don't disturb" }).waitFor();
            await expectScreen(page, 'room');

            // open the picker from the user menu: the menu's first entry is the app's Set status
            await tabTo(page, '[data-qa=user-menu]', { back: true });
            await page.keyboard.press('Enter');
            const setStatusEntry = `[data-qa=app-action-button][data-action-id="${StatusPickerId.OpenButton}"]`;
            await expectFocus(page, setStatusEntry);
            await page.keyboard.press('Enter');
            await page.locator(PICKER).waitFor();
            // focus moved into the dialog, on its first field (the status)
            const statusField = `${PICKER} [data-block-id="${StatusPickerId.StatusBlock}"] input`;
            await expectFocus(page, statusField);
            expect(await page.getAttribute(PICKER, 'role')).toBe('dialog');
            await expectScreen(page, 'picker');

            // its options, opened by keyboard: the recent status with its quotes and apostrophe, as written
            await page.keyboard.press('ArrowDown');
            const recent = page.locator('.rcx-option', { hasText: "Don't disturb" });
            await recent.first().waitFor();
            expect((await recent.first().textContent())?.trim()).toBe(`${UI_MESSAGES[language]?.picker_recent}: ${presenceLabel(ct, 'busy')} "Don't disturb"`);
            await expectScreen(page, 'picker, status options open', { axe: false });
            await page.keyboard.press('Escape');
            await page.locator('.rcx-option').first().waitFor({ state: 'hidden' });
            expect(await page.locator(PICKER).count()).toBe(1);

            // choose Away by typing it (the select filters) and Enter
            const away = presenceLabel(ct, 'away');
            await page.keyboard.type(away);
            await page.keyboard.press('Enter');
            await modalBlock(page, StatusPickerId.StatusBlock).locator('.rcx-select__item', { hasText: away }).waitFor();

            // Tab to the dialog's submit button and press it
            await tabTo(page, `${PICKER} [data-qa=uikit-modal-submit]`);
            await page.keyboard.press('Enter');
            await page.locator(MODAL).waitFor({ state: 'detached' });
            await pollUntil(
                async () => (await ws.request('GET', `/api/v1/users.info?userId=${userCreds.userId}`, undefined, userCreds)).body.user,
                (u) => u.status === 'away' && u.statusText === "Don't disturb",
                { what: 'the user away with their message' },
            );
            // the focus is back on the menu button that opened the dialog
            await expectFocus(page, '[data-qa=user-menu]');

            // open it again and close it: the focus stays inside the dialog, Escape closes it
            await page.keyboard.press('Enter');
            await expectFocus(page, setStatusEntry);
            await page.keyboard.press('Enter');
            await page.locator(PICKER).waitFor();
            await expectFocus(page, statusField);
            // the dialog's first control is its named close button; from it, Shift+Tab goes round to the last, and back
            await page.keyboard.press('Shift+Tab');
            await expectFocus(page, `${PICKER} [data-qa=dialog-close-icon][aria-label="${t.close}"]`);
            await page.keyboard.press('Shift+Tab');
            await expectFocus(page, `${PICKER} [data-qa=uikit-modal-submit]`);
            await page.keyboard.press('Tab');
            await expectFocus(page, `${PICKER} [data-qa=dialog-close-icon]`);
            await page.keyboard.press('Tab');
            await expectFocus(page, statusField);
            // arriving by Tab opens the select's options (fuselage's select does): Escape closes them, a second Escape the dialog
            await page.locator('.rcx-option').first().waitFor();
            await page.keyboard.press('Escape');
            await page.locator('.rcx-option').first().waitFor({ state: 'hidden' });
            await page.keyboard.press('Escape');
            await page.locator(MODAL).waitFor({ state: 'detached' });
            await expectFocus(page, '[data-qa=user-menu]');
            await user.screenshot(`quality-${language}-room`);

            // a user never loads what only admins use
            expect(userRequests.filter((url) => ADMIN_CHUNKS.test(url))).toEqual([]);
        });

        it("the admin's console, settings page and presence panel pass axe and hold no raw text; the admin pages load when first opened; the panel reads the settings once", async () => {
            const { page } = admin;
            await logIn(page, ws.url, ws.admin.username, ws.admin.password!);
            const requested = () => adminResponses.map((r) => r.url());

            // the console: its close button named, mrkdwn drawn (the name in bold, no asterisks)
            await page.click('[data-qa=user-menu]');
            await page.click(`[data-qa=app-action-button][data-action-id="${CustomStatusAdminId.OpenButton}"]`);
            const row = modalBlock(page, `${CustomStatusAdminId.RowBlockPrefix}${customId}:text`);
            await row.locator('strong', { hasText: customName }).waitFor();
            expect((await row.textContent())?.trim()).toBe(`${customName} · ${presenceLabel(ct, 'busy')}`);
            await expectScreen(page, 'console');
            const closeIcon = page.locator(`${MODAL} [data-qa=dialog-close-icon]`);
            expect(await closeIcon.getAttribute('aria-label')).toBe(t.close);
            await closeIcon.click();
            await page.locator(MODAL).waitFor({ state: 'detached' });

            // the settings page: its chunk is fetched now, not before
            expect(requested().filter((url) => ADMIN_CHUNKS.test(url))).toEqual([]);
            await menuEntry(page, 'app-settings');
            await page.locator('[data-qa=settings-section]').first().waitFor();
            expect(
                requested()
                    .filter((url) => ADMIN_CHUNKS.test(url))
                    .map((url) => /(AppSettingsPage|PresencePanel)/.exec(url)?.[1]),
            ).toEqual(['AppSettingsPage']);
            const toggle = page.locator('[data-qa=settings-section][data-section=section_presence] h3 button');
            expect(await toggle.getAttribute('aria-expanded')).toBe('true');
            await expectScreen(page, 'settings page');

            // the presence panel: its chunk now; the app's settings read once while the presence endpoints are re-read
            const settingsPath = `/api/apps/${ws.appId}/settings`;
            const before = adminResponses.length;
            await menuEntry(page, 'presence-panel');
            await page.locator('[data-qa=presence-bar]').waitFor();
            expect(requested().some((url) => /\/web\/chunks\/PresencePanel-[A-Z0-9]{8}\.js$/.test(url))).toBe(true);
            const since = () => adminResponses.slice(before).map((r) => new URL(r.url()).pathname);
            await pollUntil(
                async () => since().filter((p) => p.endsWith('/presence.getConnections')).length,
                (n) => n >= 3,
                { what: 'three reads of presence.getConnections', timeoutMs: 20_000 },
            );
            expect(since().filter((p) => p === settingsPath)).toHaveLength(1);
            await expectScreen(page, 'presence panel');
            await admin.screenshot(`quality-${language}-presence-panel`);

            // what the browser got: scripts and the stylesheet compressed, hashed files cached for good
            const assets = adminResponses.filter((r) => /\/web\/.+\.(js|css)$/.test(new URL(r.url()).pathname) && r.status() === 200);
            expect(assets.length).toBeGreaterThan(3);
            for (const response of assets) {
                const headers = await response.allHeaders();
                expect({ url: response.url(), encoding: headers['content-encoding'], cache: headers['cache-control'] }).toEqual({
                    url: response.url(),
                    encoding: 'br',
                    cache: 'public, max-age=31536000, immutable',
                });
            }
        });
    });

    describe.each(['es', 'pt-BR'])('the text in %s', (language) => {
        let admin: BrowserSession;

        beforeAll(async () => {
            await ws.request('POST', '/api/v1/users.setPreferences', { data: { language } }, ws.admin);
            admin = await openBrowser(chromiumPath!, { locale: LOCALES[language] });
        }, 60_000);

        afterAll(async () => {
            await admin?.close();
        }, 60_000);

        it('holds no entity, i18n key, undefined or [object Object] on the six screens', async () => {
            const { page } = admin;
            await page.goto(ws.url);
            await page.locator('#login-username').waitFor();
            await expectScreen(page, `${language} login form`, { axe: false });
            await logIn(page, ws.url, ws.admin.username, ws.admin.password!);
            await page.fill('input[data-qa=composer-input]', '/status busy Heads "down"');
            await page.keyboard.press('Enter');
            await page.locator('[data-qa=message][data-ephemeral=true]', { hasText: 'Heads' }).waitFor();
            await expectScreen(page, `${language} room`, { axe: false });
            await page.click('[data-qa=user-menu]');
            await page.click(`[data-qa=app-action-button][data-action-id="${StatusPickerId.OpenButton}"]`);
            await modalBlock(page, StatusPickerId.StatusBlock).locator('.rcx-select').click();
            await page.locator('.rcx-option').first().waitFor();
            await expectScreen(page, `${language} picker`, { axe: false });
            // Escape closes the options first, then the dialog
            await page.keyboard.press('Escape');
            await page.locator('.rcx-option').first().waitFor({ state: 'hidden' });
            await page.keyboard.press('Escape');
            await page.locator(MODAL).waitFor({ state: 'detached' });
            await page.click('[data-qa=user-menu]');
            await page.click(`[data-qa=app-action-button][data-action-id="${CustomStatusAdminId.OpenButton}"]`);
            await modalBlock(page, `${CustomStatusAdminId.RowBlockPrefix}${customId}:text`).locator('strong').waitFor();
            await expectScreen(page, `${language} console`, { axe: false });
            await page.keyboard.press('Escape');
            await page.locator(MODAL).waitFor({ state: 'detached' });
            await menuEntry(page, 'app-settings');
            await page.locator('[data-qa=settings-section]').first().waitFor();
            await expectScreen(page, `${language} settings page`, { axe: false });
            await menuEntry(page, 'presence-panel');
            await page.locator('[data-qa=presence-audit-entry]').first().waitFor();
            await expectScreen(page, `${language} presence panel`, { axe: false });
        });
    });
});
