/**
 * Results carried in a link: the results JSON, compressed (deflate-raw) and base64url-encoded, in the
 * hash as `#results=...`, so no server ever sees them (and vite preview's 16 kB request-line limit does
 * not apply). A link longer than MAX_RESULTS_CHARS is refused in favour of the JSON file.
 */
import type { RunResults } from '../core/experiment/events.ts';
import { checkResults } from '../core/experiment/resultsFile.ts';

export const RESULTS_KEY = 'results';
/** Browsers take links of a few MB, but chat and mail tools cut them far shorter. */
export const MAX_RESULTS_CHARS = 100_000;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the results in the link contain characters base64url does not use');
  const s = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** The hash value for `results`; throws a RangeError when it would exceed MAX_RESULTS_CHARS. */
export async function encodeResults(results: RunResults): Promise<string> {
  const packed = toBase64url(await pipe(new TextEncoder().encode(JSON.stringify(results)), new CompressionStream('deflate-raw')));
  if (packed.length > MAX_RESULTS_CHARS) {
    throw new RangeError(`these results take ${Math.round(packed.length / 1000)} kB in a link (at most ${MAX_RESULTS_CHARS / 1000} kB): share the JSON file instead`);
  }
  return packed;
}

/** Results from a hash value; throws an Error that says what is wrong (tampered, truncated, not results). */
export async function decodeResults(packed: string): Promise<RunResults> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(fromBase64url(packed), new DecompressionStream('deflate-raw')));
  } catch (e) {
    throw new Error(`the results in the link are damaged or cut short (${e instanceof Error ? e.message : String(e)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('the results in the link are damaged or cut short (not JSON)');
  }
  return checkResults(value);
}

/** The `results` value of a location hash ('#results=...'), or null. */
export function resultsInHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get(RESULTS_KEY);
}
