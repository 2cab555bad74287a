/**
 * The production build's main thread carries no tfjs: tfjs-core parses location.search when it loads and
 * throws on some links (PLATFORM.md), so it belongs in the workers only. Reads dist/ (npm run test:e2e
 * builds it first): the chunks index.html loads and everything they import, statically or dynamically.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = 'dist';
const TFJS_MARKERS = ['Cannot evaluate flag', 'tfjsflags'];

function mainThreadChunks(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[\w.-]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["']\.\/([\w.-]+\.js)["']/g)) queue.push(`assets/${m[1]}`);
  }
  return [...seen];
}

test('the main-thread chunks hold no tfjs', () => {
  const chunks = mainThreadChunks();
  expect(chunks.length).toBeGreaterThan(0);
  let bytes = 0;
  for (const file of chunks) {
    const code = readFileSync(join(DIST, file), 'utf8');
    bytes += code.length;
    for (const marker of TFJS_MARKERS) expect(code.includes(marker), `${file} contains tfjs ('${marker}')`).toBe(false);
  }
  test.info().annotations.push({ type: 'main-thread bytes', description: String(bytes) });
  console.log(`main-thread chunks: ${chunks.join(', ')} (${(bytes / 1000).toFixed(1)} kB)`);
});
