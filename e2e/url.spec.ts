import { expect, test } from '@playwright/test';
import { LabPage } from './fixtures/labPage.ts';
import { TINY } from './fixtures/links.ts';

test('a link restores every setting, hides controls on request, and Share gives the same link back', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const lab = new LabPage(page);
  await page.goto(`/?${TINY.replace('seed=0', 'seed=7')}&ratio=0.3,0.7&scope=global&metric=margin&lr=0.05&augment=false&lambda=0.25&T=2&lrSchedule=step&epochs_hide=true`);
  await expect(lab.config('ratio')).toHaveValue('0.3, 0.7');
  await expect(lab.config('scope')).toHaveValue('global');
  await expect(lab.config('metric')).toHaveValue('margin');
  await expect(lab.config('lr')).toHaveValue('0.05');
  await expect(lab.config('augment')).not.toBeChecked();
  await expect(lab.config('lambda')).toHaveValue('0.25');
  await expect(lab.config('seed')).toHaveValue('7');
  await expect(lab.config('epochs')).toHaveCount(0);
  await expect(lab.urlNotice()).toHaveCount(0);
  const state = await lab.state();
  expect(state.config).toMatchObject({ model: 'resnet8', ratio: [0.3, 0.7], T: 2, lrSchedule: 'step', epochs: 1, backend: 'wasm' });
  expect(state.hidden).toEqual(['epochs']);
  // The ratio read-out has a row per ratio; p changes it live.
  await expect(lab.ratioSemantics().locator('tbody tr')).toHaveCount(2);
  const params = lab.page.getByTestId('ratio.row.0.3').getByTestId('ratio.params');
  const before = await params.textContent();
  await lab.config('ratio').fill('0.5');
  await expect(lab.ratioSemantics().locator('tbody tr')).toHaveCount(1);
  await lab.config('scope').selectOption('uniform');
  await expect(lab.page.getByTestId('ratio.row.0.5').getByTestId('ratio.widths')).toHaveText('8 / 16 / 32');
  expect(before).not.toBe(await lab.page.getByTestId('ratio.row.0.5').getByTestId('ratio.params').textContent());
  // Back at the defaults (p = 0.5, uniform), both leave the URL.
  await expect.poll(() => page.evaluate(() => location.search)).not.toMatch(/ratio=|scope=/);
  // Inline validation: a bad value shows why and blocks Start; the URL keeps the last valid value.
  await lab.config('batch').fill('5000');
  await expect(lab.configError('batch')).toContainText('[1, 1024]');
  await expect(lab.start()).toBeDisabled();
  await lab.config('batch').fill('16');
  await expect(lab.configError('batch')).toHaveCount(0);
  await lab.share().click();
  const shared = await lab.shareUrl().inputValue();
  await page.goto(shared);
  const restored = await lab.state();
  expect(restored.config).toEqual({ ...state.config, ratio: [0.5], scope: 'uniform' });
  expect(restored.hidden).toEqual(['epochs']);
});

test('a hostile link shows what was ignored, injects nothing, and the lab still runs', async ({ page }) => {
  const lab = new LabPage(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const script = '<script>window.__pwned=1</script>';
  const img = '<img src=x onerror="window.__pwned=2">';
  const hostile = [
    TINY,
    `lr=${encodeURIComponent(script)}`,
    'momentum=2',
    'scope=sideways',
    `metric=${encodeURIComponent(img)}`,
    `${encodeURIComponent('<b>key</b>')}=1`,
    'nope_hide=true',
    'T=-1',
    'v=9',
  ].join('&');
  await page.goto(`/?${hostile}`);
  await expect(lab.urlNotice()).toBeVisible();
  await expect(lab.ignored()).toHaveCount(8);
  await expect(lab.urlNotice()).toContainText(script);
  await expect(lab.urlNotice()).toContainText(img);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img, b').count()).toBe(0);
  expect(await page.locator('script:not([type="module"])').count()).toBe(0);
  const state = await lab.state();
  expect(state.config).toMatchObject({ lr: 0.1, momentum: 0.9, scope: 'uniform', metric: 'lc', T: 4, model: 'resnet8' });
  await expect.poll(() => page.evaluate(() => location.search)).not.toContain('script');
  await lab.start().click();
  await expect(lab.status()).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
