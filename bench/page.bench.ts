/**
 * The web page's weight, as a browser gets it from the local workspace: the bytes on the wire
 * (headers and bodies, as Chromium counts them) and the time from navigation to the login form,
 * cold (an empty cache) and on a repeat visit; then the bytes the logged-in page and the admins'
 * pages add. Headless Chromium (/usr/bin/chromium) through playwright-core; skipped without it.
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { buildPage, findChromium } from '../test/browser/browser';
import { startWorkspace, type TestWorkspace } from '../test/helpers/workspace';
import { positiveEnv } from './lib/env';
import { summary } from './lib/summary';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** A slow setting: a 10 Mbit/s link with 40 ms of latency, and the CPU slowed 4 times (Chromium's own throttling). */
const SLOW = { latency: 40, downloadThroughput: (10 * 1024 * 1024) / 8, uploadThroughput: (5 * 1024 * 1024) / 8, cpu: 4 };

interface Traffic {
    /** bytes on the wire (headers + bodies) of the requests finished so far */
    wire: number;
    /** of which the page's code: the document, scripts, stylesheets and fonts (the rest is REST data) */
    code: number;
    /** bytes by URL */
    byUrl: Map<string, number>;
    requests: number;
    reset(): void;
    /** Resolves once no request has been under way for `quietMs`. */
    settled(quietMs?: number): Promise<void>;
}

const CODE_TYPES = new Set(['Document', 'Script', 'Stylesheet', 'Font']);

/** Counts what Chromium receives over HTTP for a page (WebSocket frames are not counted). */
async function traffic(cdp: CDPSession): Promise<Traffic> {
    const types = new Map<string, string>();
    const urls = new Map<string, string>();
    const underWay = new Set<string>();
    let lastActivity = Date.now();
    const counted: Traffic = {
        wire: 0,
        code: 0,
        byUrl: new Map(),
        requests: 0,
        reset() {
            counted.wire = 0;
            counted.code = 0;
            counted.byUrl = new Map();
            counted.requests = 0;
        },
        async settled(quietMs = 500) {
            while (underWay.size > 0 || Date.now() - lastActivity < quietMs) {
                await new Promise((resolve) => setTimeout(resolve, 50));
            }
        },
    };
    const done = (requestId: string) => {
        underWay.delete(requestId);
        lastActivity = Date.now();
    };
    cdp.on('Network.requestWillBeSent', (event) => {
        urls.set(event.requestId, event.request.url);
        underWay.add(event.requestId);
        lastActivity = Date.now();
    });
    cdp.on('Network.loadingFailed', (event) => done(event.requestId));
    cdp.on('Network.responseReceived', (event) => {
        types.set(event.requestId, event.type);
    });
    cdp.on('Network.loadingFinished', (event) => {
        done(event.requestId);
        counted.wire += event.encodedDataLength;
        const type = types.get(event.requestId) ?? '';
        if (CODE_TYPES.has(type)) counted.code += event.encodedDataLength;
        const url = urls.get(event.requestId) ?? '';
        counted.byUrl.set(url, (counted.byUrl.get(url) ?? 0) + event.encodedDataLength);
        counted.requests += 1;
    });
    await cdp.send('Network.enable');
    return counted;
}

async function openPage(browser: Browser, slow: boolean): Promise<{ context: BrowserContext; page: Page; counted: Traffic }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const counted = await traffic(cdp);
    if (slow) {
        await cdp.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: SLOW.latency,
            downloadThroughput: SLOW.downloadThroughput,
            uploadThroughput: SLOW.uploadThroughput,
        });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW.cpu });
    }
    return { context, page, counted };
}

/** From navigation to the login form on screen; then waits until the page has nothing more to load. */
async function loginForm(page: Page, url: string, counted: Traffic): Promise<{ ms: number; prefetched: number }> {
    const start = process.hrtime.bigint();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator('#login-username').waitFor({ state: 'visible' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    await counted.settled();
    // what index.html asks the browser to fetch ahead, for after the login form
    const ahead = (await page.$$eval('link[rel=prefetch]', (links) => links.map((l) => (l as unknown as { href: string }).href))) as string[];
    return { ms, prefetched: ahead.reduce((sum, href) => sum + (counted.byUrl.get(href) ?? 0), 0) };
}

async function main(): Promise<void> {
    const executablePath = findChromium();
    if (!executablePath) {
        console.log('page bench skipped: no Chromium at /usr/bin/chromium (set CHROMIUM_PATH)');
        return;
    }
    const rounds = positiveEnv('BENCH_PAGE_ROUNDS', 5);
    buildPage();
    const ws: TestWorkspace = await startWorkspace();
    const browser = await chromium.launch({
        executablePath,
        headless: true,
        args: [...(isRoot ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
        for (const slow of [false, true]) {
            const times: number[] = [];
            let cold: Traffic | undefined;
            let prefetched = 0;
            let repeat = 0;
            for (let round = 0; round < rounds; round++) {
                const { context, page, counted } = await openPage(browser, slow);
                const form = await loginForm(page, ws.url, counted);
                times.push(form.ms);
                prefetched = form.prefetched;
                cold = { ...counted };
                counted.reset();
                await page.reload({ waitUntil: 'commit' });
                await page.locator('#login-username').waitFor({ state: 'visible' });
                await counted.settled();
                repeat = counted.wire;
                await context.close();
            }
            console.log(`${slow ? 'slow (10 Mbit/s, 40 ms, CPU x4)' : 'local'}: ${times.map((t) => t.toFixed(0)).join(', ')} ms to the login form`);
            if (slow) {
                summary('page.login_form.ms.slow', median(times), ['worst', Math.max(...times)]);
            } else if (cold) {
                summary('page.login_form.ms', median(times), ['worst', Math.max(...times)]);
                // what the login form needs, then what the page prefetches for after it, then a reload with the cache
                summary(
                    'page.login_form.bytes',
                    cold.wire - prefetched,
                    ['prefetched', prefetched],
                    ['requests', String(cold.requests)],
                    ['repeat_visit', repeat],
                );
            }
        }

        // after the login form: the logged-in page, then the admins' settings page and presence panel
        const { context, page, counted } = await openPage(browser, false);
        await loginForm(page, ws.url, counted);
        counted.reset();
        await page.fill('#login-username', ws.admin.username);
        await page.fill('#login-password', ws.admin.password!);
        await page.click('[data-qa=login-submit]');
        await page.locator('[data-qa=shell]').waitFor();
        await counted.settled();
        const shell = { ...counted };
        counted.reset();
        await page.click('[data-qa=user-menu]');
        await page.click('[data-qa=user-menu-items] [data-qa="menu-app-settings"]');
        await page.locator('[data-qa=settings-section]').first().waitFor();
        await page.click('[data-qa=user-menu]');
        await page.click('[data-qa=user-menu-items] [data-qa="menu-presence-panel"]');
        await page.locator('[data-qa=presence-bar]').waitFor();
        await counted.settled();
        const admin = { ...counted };
        await context.close();
        summary('page.after_login.code_bytes', shell.code, ['all', shell.wire], ['admin_pages_code', admin.code], ['admin_pages_all', admin.wire]);
    } finally {
        await browser.close();
        await ws.stop();
    }
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
