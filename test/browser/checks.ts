/**
 * Checks the browser suite runs on a screen as a person meets it: axe-core (from npm, run in the
 * page), the text a person reads (visibleText.ts), and moving by keyboard alone.
 */
import * as fs from 'fs';
import type { Page } from 'playwright-core';
import { textProblems } from './visibleText';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The moderate rules the page keeps too: one main landmark, one h1, no second banner, content in landmarks. */
export const MODERATE_RULES_KEPT = ['landmark-one-main', 'page-has-heading-one', 'landmark-no-duplicate-banner', 'landmark-unique', 'region'];

export interface Violation {
    id: string;
    impact: string;
    help: string;
    targets: string[];
}

/** axe-core's violations on the page as it is now (every rule axe runs by default). */
export async function axeViolations(page: Page): Promise<Violation[]> {
    if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ content: AXE_SOURCE });
    return (await page.evaluate(`(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.html.slice(0, 160)) }));
    })()`)) as Violation[];
}

/** The violations that fail the suite: critical and serious ones, and the moderate rules the page keeps. */
export async function blockingViolations(page: Page): Promise<string[]> {
    return (await axeViolations(page))
        .filter((v) => v.impact === 'critical' || v.impact === 'serious' || MODERATE_RULES_KEPT.includes(v.id))
        .map((v) => `${v.id} (${v.impact}): ${v.help} -- ${v.targets.join(' | ')}`);
}

/** The text a person gets from the screen: what is drawn, and the placeholders, labels, titles and alt texts of what is shown. */
export async function visibleText(page: Page): Promise<string> {
    return (await page.evaluate(`(() => {
        const parts = [document.body.innerText];
        for (const el of document.querySelectorAll('[placeholder], [aria-label], [title], img[alt]')) {
            if (!el.getClientRects().length) continue;
            for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
                const value = el.getAttribute(name);
                if (value) parts.push(value);
            }
        }
        return parts.join('\\n');
    })()`)) as string;
}

/** Problems in the screen's text (an entity, an i18n key, undefined, [object Object], a {placeholder}). */
export async function screenTextProblems(page: Page, keys: ReadonlyArray<string>): Promise<string[]> {
    return textProblems(await visibleText(page), keys);
}

/** Whether the focused element matches a CSS selector. */
export function focusedMatches(page: Page, selector: string): Promise<boolean> {
    return page.evaluate(`(() => { const el = document.activeElement; return !!el && el.matches(${JSON.stringify(selector)}); })()`) as Promise<boolean>;
}

/** Presses Tab (Shift+Tab with `back`) until the focused element matches `selector`; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, opts: { back?: boolean; max?: number } = {}): Promise<number> {
    const max = opts.max ?? 40;
    for (let presses = 0; presses <= max; presses++) {
        if (await focusedMatches(page, selector)) return presses;
        await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    }
    const focused = await page.evaluate('document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : "nothing"');
    throw new Error(`${max} presses of ${opts.back ? 'Shift+Tab' : 'Tab'} did not reach ${selector}; the focus is on ${String(focused)}`);
}
