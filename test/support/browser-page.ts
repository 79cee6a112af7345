import type { Page } from 'playwright-core';

/** Waits until the app has drawn a page (it sets data-ready once the data, table and charts are in). */
export async function ready(page: Page, name: string): Promise<void> {
  await page.waitForSelector(`body[data-ready="1"][data-page="${name}"]`, { timeout: 30_000 });
}

/** Navigates the single-page app to `hash` and waits for the named page to be drawn. */
export async function go(page: Page, hash: string, name: string): Promise<void> {
  await page.evaluate((h) => {
    delete document.body.dataset['ready'];
    window.location.hash = h;
  }, hash);
  await ready(page, name);
}
