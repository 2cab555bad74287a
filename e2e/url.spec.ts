import { expect, test } from '@playwright/test';
import { LabPage } from './fixtures/labPage.ts';
import { TINY } from './fixtures/links.ts';

test('a link restores every setting, hides controls on request, and Share gives the same link back', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const lab = new LabPage(page);
  await page.goto(`/?${TINY.replace('seed=0', 'seed=7')}&ratio=0.3,0.7&scope=global&metric=margin&lr=0.05&augment=false&lambda=0.25&T=2&lrSchedule=step&epochs_hide=true`);
  await expect(lab.config('ratio')).toHaveValue('0.3,0.7');
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

/** Links a new user might paste: every one opens a working lab that names what it ignored. */
const MALFORMED: Array<{ name: string; query: string; ignored: string[] }> = [
  { name: 'a malformed escape in a key', query: '?%zz=1', ignored: ['%zz'] },
  { name: 'a malformed escape in a value', query: '?a=%zz', ignored: ['a'] },
  { name: 'a truncated UTF-8 escape', query: '?ratio=%E0%A4%A', ignored: ['ratio'] },
  { name: "tfjs's own flag key", query: '?tfjsflags=foo', ignored: ['tfjsflags'] },
  { name: 'a tfjs flag that tfjs cannot evaluate', query: '?tfjsflags=DEBUG:true', ignored: ['tfjsflags'] },
  { name: 'a repeated key', query: '?model=resnet8&model=resnet14', ignored: ['model'] },
  { name: 'a 10 kB value', query: `?lr=${'9'.repeat(10_000)}`, ignored: ['lr'] },
  { name: 'settings in the hash', query: '#model=resnet8&epochs=2', ignored: ['#model', '#epochs'] },
  { name: 'hex and exponent numbers', query: '?epochs=0x10&batch=1e2', ignored: ['epochs', 'batch'] },
  { name: 'a non-boolean _hide', query: '?model_hide=yes', ignored: ['model_hide'] },
  { name: 'a ratio listed twice', query: '?ratio=0.5,0.5', ignored: ['ratio'] },
  { name: 'a pool too small to run', query: '?pool=1', ignored: ['pool'] },
];

for (const link of MALFORMED) {
  test(`a link with ${link.name} opens the lab with a notice`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const lab = new LabPage(page);
    await page.goto(`/${link.query}`);
    await expect(lab.start()).toBeVisible();
    await expect(lab.urlNotice()).toBeVisible();
    const state = await lab.state();
    expect(state.ignored.map((i) => i.key).sort()).toEqual([...link.ignored].sort());
    expect(errors).toEqual([]);
  });
}

test('numbers say what is wrong in words: "not a number", never "NaN"', async ({ page }) => {
  const lab = new LabPage(page);
  await page.goto('/?ratio=abc&epochs=1e2');
  await expect(lab.urlNotice()).toContainText("'abc' is not a number");
  await expect(lab.urlNotice()).not.toContainText('NaN');
  // Number fields are <input type=number> (the browser accepts no hex there); lists are text.
  await lab.config('schedule').fill('0.02, 1e-1');
  await expect(lab.configError('schedule')).toHaveText("'1e-1' is not a number");
  await lab.config('schedule').fill('0.02, 0.08, 0.1');
  await expect(lab.configError('schedule')).toHaveCount(0);
  await lab.config('ratio').fill('0.5, 0.5');
  await expect(lab.configError('ratio')).toHaveText('lists a value twice');
  await lab.config('ratio').fill('0.97');
  await expect(page.getByTestId('ratio.single.0.97')).toContainText('single channel');
  await expect(page.getByTestId('run.warning')).toHaveCount(0);
  await lab.config('pool').fill('100');
  await expect(page.getByTestId('run.warning')).toContainText('fewer than the 10 classes');
});
