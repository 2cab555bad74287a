/**
 * WebGPU in Node through Dawn's binding (the optional `webgpu` package). With no GPU here, Chromium's
 * SwiftShader Vulkan driver gives Dawn a software adapter: `lab run '...&backend=webgpu'` must train on it
 * and say so. Without a Vulkan driver, Dawn finds no adapter and the runner falls back to wasm, saying why.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResults } from '../core/experiment/events.ts';
import { lab } from '../testing/cli.ts';

const LINK = 'model=resnet8&dataset=fashion-mnist-subset&pool=60&test=20&epochs=1&batch=32&budget=0.2&schedule=0.1,0.1&methods=prunefuse&backend=webgpu';
const SWIFTSHADER = '/usr/lib/chromium/vk_swiftshader_icd.json';

function hasDawn(): boolean {
  try {
    createRequire(import.meta.url).resolve('webgpu');
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hasDawn())('lab run with backend=webgpu (Dawn in Node)', () => {
  it.skipIf(!existsSync(SWIFTSHADER))('trains on a software adapter and reports it as software', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lab-webgpu-')), 'r.json');
    const env = { LD_LIBRARY_PATH: '/usr/lib/chromium', VK_ICD_FILENAMES: SWIFTSHADER };
    const run = await lab(['run', LINK, '--out', out], undefined, undefined, env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/backend: webgpu \(forced: Dawn \(Node\): WebGPU adapter is a software renderer/);
    const results = JSON.parse(readFileSync(out, 'utf8')) as RunResults;
    expect(results.backend).toBe('webgpu');
    expect(results.complete).toBe(true);
    for (const m of results.methods) for (const r of m.rounds) expect(r.targetAccuracy).toBeGreaterThanOrEqual(0);
  }, 300_000);

  it('falls back to wasm and says why when Dawn finds no adapter', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lab-webgpu-')), 'r.json');
    const run = await lab(['run', LINK, '--out', out], undefined, undefined, { VK_ICD_FILENAMES: '/nonexistent.json', LD_LIBRARY_PATH: '' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/backend: wasm \(WebGPU unavailable: no adapter; fastest trainable backend in Node: XNNPACK/);
    expect((JSON.parse(readFileSync(out, 'utf8')) as RunResults).backend).toBe('wasm');
  }, 300_000);
});
