/**
 * Browser test helpers: the system's headless Chromium (Debian package `chromium`) driven by
 * playwright-core, one fresh profile (--user-data-dir) per session, and a screenshot folder.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..');
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));

/** Where screenshots go (gitignored). */
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'browser');

export function findChromium(): string | undefined {
    return CANDIDATES.find((p) => fs.existsSync(p));
}

function newestChange(dir: string): number {
    let newest = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        newest = Math.max(newest, entry.isDirectory() ? newestChange(file) : fs.statSync(file).mtimeMs);
    }
    return newest;
}

/** Builds the page (web/dist) as `npm start` does, unless the build is newer than its sources (test files share one build). */
export function buildPage(): void {
    const built = path.join(ROOT, 'web', 'dist', 'index.html');
    const sources = Math.max(
        newestChange(path.join(ROOT, 'web', 'src')),
        fs.statSync(path.join(ROOT, 'web', 'index.html')).mtimeMs,
        fs.statSync(path.join(ROOT, 'scripts', 'build-web.js')).mtimeMs,
        fs.statSync(path.join(ROOT, 'package-lock.json')).mtimeMs,
    );
    if (fs.existsSync(built) && fs.statSync(built).mtimeMs > sources) return;
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-web.js')], { cwd: ROOT, stdio: 'pipe' });
}

export interface BrowserSession {
    page: Page;
    close(): Promise<void>;
    /** A full-page screenshot into the artifact folder; returns its path. */
    screenshot(name: string): Promise<string>;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** A separate browser process with its own fresh profile: its own login, storage and realtime session; `locale` its language (default en-US). */
export async function openBrowser(executablePath: string, opts: { locale?: string } = {}): Promise<BrowserSession> {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'user-status-chromium-'));
    const context: BrowserContext = await chromium.launchPersistentContext(profile, {
        executablePath,
        headless: true,
        locale: opts.locale ?? 'en-US',
        viewport: { width: 1280, height: 800 },
        args: [
            ...(isRoot ? ['--no-sandbox'] : []),
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
        ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    return {
        page,
        async close() {
            await context.close();
            fs.rmSync(profile, { recursive: true, force: true });
            if (errors.length) throw new Error(`The page threw: ${errors.join('; ')}`);
        },
        async screenshot(name: string) {
            const file = path.join(ARTIFACTS, `${name}.png`);
            await page.screenshot({ path: file });
            return file;
        },
    };
}

/** Logs in through the login form and waits for the shell. */
export async function logIn(page: Page, url: string, username: string, password: string): Promise<void> {
    await page.goto(url);
    await page.fill('#login-username', username);
    await page.fill('#login-password', password);
    await page.click('[data-qa=login-submit]');
    await page.waitForSelector('[data-qa=shell]');
}

/** Opens the user menu and clicks an entry by its visible label. */
export async function userMenu(page: Page, label: string | RegExp): Promise<void> {
    await page.click('[data-qa=user-menu]');
    await page.locator('[data-qa=user-menu-items] button', { hasText: label }).click();
}

/** Opens the user menu and clicks one of the page's own entries by its id (`app-settings`, `presence-panel`, `room`, `logout`): any language. */
export async function menuEntry(page: Page, id: string): Promise<void> {
    await page.click('[data-qa=user-menu]');
    await page.click(`[data-qa=user-menu-items] [data-qa="menu-${id}"]`);
}

/** A block of the open modal, found by its block id (the page writes `data-block-id` around each block it renders). */
export function modalBlock(page: Page, blockId: string, match: 'exact' | 'prefix' = 'exact') {
    return page.locator(`[data-qa=uikit-modal] [data-block-id${match === 'prefix' ? '^' : ''}="${blockId}"]`);
}

/** Chooses an option of a UIKit select (fuselage Select) in the open modal's block `blockId`; waits until it shows. */
export async function chooseOption(page: Page, blockId: string, option: string | RegExp): Promise<void> {
    const select = modalBlock(page, blockId).locator('.rcx-select');
    await select.click();
    await page.locator('.rcx-option', { hasText: option }).first().click();
    await modalBlock(page, blockId).locator('.rcx-select', { hasText: option }).waitFor();
    await page.locator('.rcx-option').first().waitFor({ state: 'hidden' });
}

/** The text input of the open modal's input block `blockId` (`prefix`: a block id that starts so, e.g. one carrying a record id). */
export function modalInput(page: Page, blockId: string, match: 'exact' | 'prefix' = 'exact') {
    return modalBlock(page, blockId, match).locator('input');
}

/** An attribute of every element a locator matches, in document order. */
export async function attributes(locator: Locator, name: string): Promise<Array<string | null>> {
    return Promise.all((await locator.all()).map((element) => element.getAttribute(name)));
}
