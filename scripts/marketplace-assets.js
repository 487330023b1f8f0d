#!/usr/bin/env node
// The images the Rocket.Chat Marketplace asks for (developer.rocket.chat, "Graphics Guidelines"):
// an app icon of 256x256 and screenshots of 960x540, PNG without transparency.
// - icon.png (the package's iconFile, also uploaded as the listing's icon): the app's mark (a status
//   dot on a presence ring) drawn at 256x256 on a full square background;
// - docs/marketplace/screenshot-<n>.png: the page screenshots in docs/ (taken by the browser tests),
//   each fitted whole into 960x540, never stretched or cropped.
// Rendered by the system's Chromium through playwright-core (CHROMIUM_PATH, else /usr/bin/chromium),
// as the browser tests do. `npm run marketplace:assets`.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..');
const SCREENSHOTS = ['page.png', 'presence-panel.png', 'picker.png'];
const BACKGROUND = '#f7f8fa';

const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect width="256" height="256" fill="#f5455c"/>
  <circle cx="112" cy="112" r="76" fill="#ffffff"/>
  <circle cx="176" cy="176" r="38" fill="#2bd382"/>
</svg>`;

function chromiumPath() {
    const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && fs.existsSync(p));
    if (!found) {
        process.stderr.write('marketplace-assets: no Chromium (apt-get install -y chromium, or set CHROMIUM_PATH)\n');
        process.exit(1);
    }
    return found;
}

async function render(page, html, width, height, out) {
    await page.setViewportSize({ width, height });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:${BACKGROUND}">${html}</body></html>`);
    // runs in the page: wait for every image to be decoded
    await page.evaluate(() => Promise.all([...globalThis.document.images].map((img) => img.decode())));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out, clip: { x: 0, y: 0, width, height } });
    process.stdout.write(`marketplace-assets: ${path.relative(root, out)} (${width}x${height})\n`);
}

async function main() {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
    try {
        const page = await browser.newPage({ deviceScaleFactor: 1 });
        await render(page, ICON_SVG, 256, 256, path.join(root, 'icon.png'));
        for (const [i, name] of SCREENSHOTS.entries()) {
            const data = fs.readFileSync(path.join(root, 'docs', name)).toString('base64');
            const img = `<img src="data:image/png;base64,${data}" style="display:block;width:960px;height:540px;object-fit:contain">`;
            await render(page, img, 960, 540, path.join(root, 'docs', 'marketplace', `screenshot-${i + 1}.png`));
        }
    } finally {
        await browser.close();
    }
}

main().catch((err) => {
    process.stderr.write(`marketplace-assets: ${err.stack || err.message}\n`);
    process.exit(1);
});
