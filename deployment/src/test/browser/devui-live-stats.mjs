// Opens the Arena Cache page of the Dev UI in headless Chromium, checks the cache list, generates traffic and
// waits for the streamed numbers to follow, runs a key look-up, and saves a screenshot.
// Usage: node devui-live-stats.mjs <base-url> <screenshot.png>   (exit code 0 when every check passed)
// Environment: CHROMIUM (default /usr/bin/chromium). Never downloads a browser.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [baseUrl, screenshotPath] = process.argv.slice(2);
if (!baseUrl || !screenshotPath) {
    console.error('usage: node devui-live-stats.mjs <base-url> <screenshot.png>');
    process.exit(2);
}
const base = new URL(baseUrl);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) {
    console.error(`refusing ${baseUrl}: this test only talks to a loopback address`);
    process.exit(2);
}
const TIMEOUT_MS = 20_000;

function check(condition, message) {
    if (!condition) {
        throw new Error(message);
    }
    console.log(`ok - ${message}`);
}

/**
 * Polls the text of a locator until it satisfies the predicate, for the live numbers pushed every second.
 * Text inside the element's own shadow root counts (Dev UI elements render there).
 */
async function waitForText(locator, predicate, what) {
    const deadline = Date.now() + TIMEOUT_MS;
    let text;
    while (Date.now() < deadline) {
        text = (await locator.evaluate(element => (element.shadowRoot ?? element).textContent,
            undefined, { timeout: TIMEOUT_MS }))?.replace(/\s+/g, ' ').trim();
        if (predicate(text)) {
            return text;
        }
        await new Promise(resolve => setTimeout(resolve, 200));
    }
    throw new Error(`${what}: still '${text}' after ${TIMEOUT_MS} ms`);
}

const userDataDir = mkdtempSync(join(tmpdir(), 'arena-cache-devui-'));
let context;
try {
    context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        viewport: { width: 1100, height: 1350 },
    });
    const page = context.pages()[0] ?? await context.newPage();
    const pageErrors = [];
    page.on('pageerror', error => pageErrors.push(error.message));
    page.setDefaultTimeout(TIMEOUT_MS);

    // The card lists the page; following its link is how a user gets there.
    await page.goto(new URL('/q/dev-ui/extensions', base).href);
    const link = page.locator('qwc-extension-link[path*="quarkus-arena-cache"]').first();
    await link.waitFor();
    check(true, 'the extensions page shows the Arena Cache card with its Caches page');
    await waitForText(link, text => text?.includes('3'), 'the card label (number of caches)');
    check(true, 'the card counts 3 caches');

    await page.goto(new URL('/q/dev-ui/quarkus-arena-cache/caches', base).href);
    const users = page.locator('[data-cache="users"]');
    await users.waitFor();
    const names = await page.locator('[data-cache]').evaluateAll(nodes => nodes.map(n => n.dataset.cache));
    check(JSON.stringify(names) === JSON.stringify(['blobs', 'scores', 'users']),
        `the page lists the caches blobs, scores, users (saw ${names})`);
    const entries = users.locator('[data-field="entries"]');
    const requests = users.locator('[data-field="requests"]');
    const hitRatio = users.locator('[data-field="hit-ratio"]');
    await waitForText(entries, text => text === '2', 'entries of users before traffic');
    check(true, 'users starts with 2 entries');

    // 2000 puts, 2000 hits and 2000 misses on users.
    const traffic = await fetch(new URL('/traffic?count=2000', base));
    check(traffic.ok, `the application served the traffic request (${traffic.status})`);

    await waitForText(entries, text => text === '2002', 'entries of users after 2000 puts');
    check(true, 'the streamed entries of users went from 2 to 2002');
    await waitForText(requests, text => text === '4002', 'requests of users after traffic');
    await waitForText(hitRatio, text => text === '50.0 %', 'hit ratio of users after traffic');
    check(true, 'requests went to 4002 and the hit ratio to 50.0 %');
    const memory = (await users.locator('[data-field="bytes"]').textContent()).replace(/\s+/g, ' ').trim();
    check(/used of 256\.0 KiB/.test(memory), `bytes used are shown against the budget (${memory})`);
    const bars = await users.locator('.generation').count();
    check(bars === 8, `one occupancy bar per generation (${bars})`);
    // About 2000 × 40 bytes over 4 shards overflows one 8 KiB slab per shard: older generations hold data too.
    const filledBars = await users.locator('.generation .fill').evaluateAll(
        fills => fills.filter(fill => parseFloat(fill.style.height) > 0).length);
    check(filledBars >= 2, `writes spilled over several generations (${filledBars} bars show data)`);

    await users.locator('vaadin-text-field.key input').fill('alice');
    await users.locator('vaadin-button.contains-key').click();
    await waitForText(users.locator('.reply'), text => text === "Key 'alice' is present in 'users'",
        'the look-up reply');
    check(true, 'looking up alice answers that it is present');

    const blobsNote = (await page.locator('[data-cache="blobs"] .actions').textContent()).replace(/\s+/g, ' ');
    check(blobsNote.includes('Key actions are not available'), 'blobs (custom key codec) offers no key actions');

    check(pageErrors.length === 0, `no script error on the page ${pageErrors.length ? pageErrors : ''}`);
    // The Dev UI itself may toast about its extension catalog (unreachable in tests): keep it out of the picture.
    await page.evaluate(() => document.querySelectorAll('vaadin-notification-card').forEach(card => card.remove()));
    await page.screenshot({ path: screenshotPath });
    console.log(`screenshot saved to ${screenshotPath}`);
} catch (error) {
    console.error(`not ok - ${error.message}`);
    process.exitCode = 1;
    const page = context?.pages()[0];
    if (page) {
        const failurePath = screenshotPath.replace(/\.png$/, '') + '-failure.png';
        await page.screenshot({ path: failurePath }).catch(() => {});
        console.error(`page at failure saved to ${failurePath}`);
    }
} finally {
    await context?.close();
    rmSync(userDataDir, { recursive: true, force: true });
}
