/**
 * WCAG 2.1 AA (axe-core) on every state a reader meets: the idle page, a run under way, its results, and
 * each view tab (found from the tab list, so views added later are covered), at a desktop and a phone
 * width; plus the phone layout (no horizontal overflow, Start within reach) and the main chart's width on
 * a small laptop.
 */
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './fixtures/labPage.ts';
import { headingSkips, violations } from './fixtures/axe.ts';

/** A tiny run: resnet8, 200 images, two rounds of one epoch, every method. */
const TINY_ALL = 'model=resnet8&pool=200&test=100&epochs=1&budget=0.1&seed=1&backend=wasm&methods=al,prunefuse,prunefuse-nokd,prunefuse-nofuse,svp';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1400, height: 900 };

/** Selects each view tab in turn and checks the page with it; ends on the first tab again. */
async function eachView(page: Page, where: string): Promise<string[]> {
  const tabs = page.getByTestId('views').locator('[role=tab]');
  const n = await tabs.count();
  expect(n, 'view tabs').toBeGreaterThan(0);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const tab = tabs.nth(i);
    const name = (await tab.textContent())?.trim() ?? `tab ${i}`;
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    out.push(...(await violations(page, `${where}, view "${name}"`)));
    out.push(...(await overflow(page, `${where}, view "${name}"`)));
    out.push(...(await headingSkips(page, `${where}, view "${name}"`)));
  }
  await tabs.first().click();
  return out;
}

/** At the phone width: the page must not scroll sideways; names the widest elements when it does. */
async function overflow(page: Page, where: string): Promise<string[]> {
  const width = page.viewportSize()!.width;
  if (width > PHONE.width) return [];
  const { scrollWidth, culprits } = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > vw + 0.5 && el.closest('.warmup') === null)
      .slice(0, 6)
      .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  });
  return scrollWidth <= width ? [] : [`${where}: scrollWidth ${scrollWidth} > ${width}: ${culprits.join(', ')}`];
}

for (const size of [DESKTOP, PHONE]) {
  test(`axe finds no WCAG 2.1 AA violation at ${size.width} px: idle, running, done, every view`, async ({ page }) => {
    test.setTimeout(180_000);
    const lab = new LabPage(page);
    await page.setViewportSize(size);
    await page.goto(`/?${TINY_ALL}`);
    await expect(lab.start()).toBeEnabled({ timeout: 30_000 });
    const found: string[] = [];
    found.push(...(await violations(page, 'idle')), ...(await overflow(page, 'idle')));
    found.push(...(await eachView(page, 'idle')));

    await lab.start().click();
    await expect(lab.status()).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
    // Start is disabled now: focus moved to Cancel instead of falling to the body.
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['testid'] ?? document.activeElement?.tagName ?? null);
    if (focused !== 'run.cancel') found.push(`running: Start went disabled and focus went to ${focused}, not to Cancel`);
    // The polite live region says the round and the work, not the step counts.
    await expect(page.getByTestId('run.announce')).toHaveText(/^running: round \d+ of \d+, /);
    await expect(page.getByTestId('run.announce')).toHaveAttribute('aria-live', 'polite');
    found.push(...(await violations(page, 'running')), ...(await overflow(page, 'running')));

    await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    found.push(...(await violations(page, 'done')), ...(await overflow(page, 'done')));
    found.push(...(await eachView(page, 'done')));
    expect(found, found.join('\n')).toEqual([]);
  });
}

test('at 390 px the run controls come before the settings, and a skip link leads to them', async ({ page }) => {
  const lab = new LabPage(page);
  await page.setViewportSize(PHONE);
  await page.goto(`/?${TINY_ALL}`);
  await expect(lab.start()).toBeEnabled({ timeout: 30_000 });
  const box = await lab.start().boundingBox();
  expect(box, 'Start has a box').not.toBeNull();
  expect(box!.y + box!.height, 'Start is within the first screen').toBeLessThanOrEqual(PHONE.height);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  // The skip link is the first stop of the keyboard and moves focus to the run controls.
  await page.keyboard.press('Tab');
  const skip = page.locator(':focus');
  await expect(skip).toHaveText(/skip to run controls/i);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('#run-controls') !== null)).toBe(true);
  // The next Tab reaches Start, drawn with a visible focus ring.
  await page.keyboard.press('Tab');
  await expect(lab.start()).toBeFocused();
  expect(await lab.start().evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
});

test('at 1024 px the accuracy chart keeps a useful width', async ({ page }) => {
  const lab = new LabPage(page);
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto(`/?${TINY_ALL}`);
  await expect(lab.start()).toBeEnabled({ timeout: 30_000 });
  const plot = lab.chart('accuracy').locator('svg.recharts-surface').first();
  await expect(plot).toBeVisible();
  const width = (await plot.boundingBox())!.width;
  console.log(`[a11y] accuracy plot at 1024 px: ${Math.round(width)} px wide`);
  expect(width, 'accuracy plot width at 1024 px').toBeGreaterThanOrEqual(500);
});
