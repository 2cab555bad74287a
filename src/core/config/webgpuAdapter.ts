/**
 * What a WebGPU implementation offers: a usable adapter, or why not. Shared by the lab's worker
 * (navigator.gpu) and the Node runner (Dawn's binding, the `webgpu` package), so both call the same adapter
 * a GPU. A software adapter (SwiftShader: `info.isFallbackAdapter`, or architecture 'swiftshader') is about
 * 100x slower than wasm on a CPU: it is reported as such and counts as no GPU unless WebGPU is forced.
 */

/** The parts of GPUAdapterInfo read here (structural, so core needs no WebGPU type library). */
interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

export interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<{ info?: AdapterInfoLike; isFallbackAdapter?: boolean } | null>;
}

export interface WebGpuProbe {
  /** A hardware adapter: WebGPU is the backend to use. */
  ok: boolean;
  /** A software adapter: usable only when forced. */
  software: boolean;
  why: string;
  adapter?: string;
}

export async function probeWebGpu(gpu: GpuLike | undefined, where = 'navigator.gpu'): Promise<WebGpuProbe> {
  if (!gpu) return { ok: false, software: false, why: `WebGPU unavailable: no ${where}` };
  let adapter: Awaited<ReturnType<GpuLike['requestAdapter']>> = null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    return { ok: false, software: false, why: `WebGPU unavailable: requestAdapter failed (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!adapter) return { ok: false, software: false, why: 'WebGPU unavailable: no adapter' };
  const info = adapter.info;
  const software = info?.isFallbackAdapter === true || adapter.isFallbackAdapter === true || /swiftshader/i.test(info?.architecture ?? '');
  const name = [info?.vendor, info?.architecture, info?.description].filter((s) => s).join(' ') || 'unknown adapter';
  return software
    ? { ok: false, software: true, why: `WebGPU adapter is a software renderer (${name})`, adapter: name }
    : { ok: true, software: false, why: `WebGPU on ${name}`, adapter: name };
}

/** The note for a software adapter that was not forced. */
export function softwareNote(probe: WebGpuProbe): string {
  return `${probe.why}, about 100x slower than wasm here: treated as no GPU`;
}
