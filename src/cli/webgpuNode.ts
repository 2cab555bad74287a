/**
 * WebGPU in Node, through Dawn's Node binding (the `webgpu` package, an optional dependency): with it
 * `lab run '...&backend=webgpu'` trains on a GPU server without a browser. Dawn finds GPUs through Vulkan
 * (Linux), Metal or D3D12; with none it finds no adapter and the runner says so and uses wasm.
 *
 * Without a GPU, Chromium's SwiftShader Vulkan driver gives Dawn a software adapter, which proves the path:
 *   LD_LIBRARY_PATH=/usr/lib/chromium VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json
 */
import * as tf from '@tensorflow/tfjs-core';
import { probeWebGpu, softwareNote, type GpuLike, type WebGpuProbe } from '../core/config/webgpuAdapter.ts';

interface DawnModule {
  create(flags: string[]): GpuLike;
  globals: Record<string, unknown>;
}

/** Dawn's instance: it must outlive every device made from it (else "A valid external Instance reference no longer exists"). */
let dawn: GpuLike | undefined;

async function dawnGpu(): Promise<GpuLike | string> {
  if (dawn) return dawn;
  let mod: DawnModule;
  try {
    mod = (await import('webgpu')) as unknown as DawnModule;
  } catch (e) {
    return `the webgpu package (Dawn's Node binding) did not load: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
  // GPUBufferUsage, GPUMapMode and the other constants tfjs-backend-webgpu reads as globals.
  for (const [name, value] of Object.entries(mod.globals)) if (!(name in globalThis)) Object.assign(globalThis, { [name]: value });
  dawn = mod.create([]);
  return dawn;
}

/** Starts tfjs's WebGPU backend on Dawn: on a hardware adapter, or on a software one when `allowSoftware`. */
export async function startNodeWebGpu(allowSoftware: boolean): Promise<{ ok: boolean; why: string }> {
  const gpu = await dawnGpu();
  if (typeof gpu === 'string') return { ok: false, why: `WebGPU unavailable: ${gpu}` };
  const probe: WebGpuProbe = await probeWebGpu(gpu, 'adapter from Dawn');
  if (!probe.ok && !(allowSoftware && probe.software)) return { ok: false, why: probe.software ? softwareNote(probe) : probe.why };
  // tfjs-backend-webgpu registers itself on import when navigator.gpu exists (Node 20 has no navigator).
  const nav = ((globalThis as { navigator?: object }).navigator ??= {}) as { gpu?: GpuLike };
  if (!nav.gpu) Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true });
  await import('@tensorflow/tfjs-backend-webgpu');
  try {
    if (!(await tf.setBackend('webgpu'))) return { ok: false, why: `WebGPU failed to start on ${probe.adapter}` };
  } catch (e) {
    return { ok: false, why: `WebGPU failed to start on ${probe.adapter}: ${e instanceof Error ? e.message : String(e)}` };
  }
  await tf.ready();
  return { ok: true, why: `Dawn (Node): ${probe.why}` };
}
