/**
 * The built app (dist/) in headless Chromium, for scripts that drive the lab as a user's browser runs it
 * (scripts/measure-lab.ts, `npm run bench -- --browser`): served by `vite preview` with the project's config,
 * so the page is cross-origin isolated (wasm threads), in Debian's Chromium (CHROMIUM_PATH to override) with
 * the end-to-end tests' flags. Never a downloaded browser (PLATFORM.md).
 *
 * `vite preview` runs as a child process, as Playwright's webServer runs it, not through vite's JS API:
 * vite's package has only an `exports` map, which the layer check's resolver does not read.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';

export const NO_BUILD = 'no dist/: run `npx vite build` (or `npm run build`) first';
const SERVER_START_MS = 60_000;

export interface HeadlessApp {
  browser: Browser;
  page: Page;
  /** http://127.0.0.1:PORT/ */
  origin: string;
  close(): Promise<void>;
}

export interface HeadlessOptions {
  port: number;
  /** Chromium flags besides the tests' (e.g. --enable-unsafe-webgpu). */
  extraArgs?: readonly string[];
  viewport?: { width: number; height: number };
}

/** A TCP port free on 127.0.0.1 just now (the system's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `vite preview` on 127.0.0.1:port, once it answers; close() ends it. */
async function startPreview(port: number): Promise<{ origin: string; close: () => Promise<void> }> {
  const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
  let done: number | null = null;
  void exited.then((code) => (done = code));
  const close = async () => {
    if (done === null) child.kill('SIGTERM');
    await exited;
  };
  const origin = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + SERVER_START_MS;
  for (;;) {
    if (done !== null) throw new Error(`vite preview ended (exit ${done}) before it served ${origin}: ${stderr.trim()}`);
    try {
      if ((await fetch(origin)).ok) return { origin, close };
    } catch (e) {
      // Not listening yet, unless the port is on the Fetch standard's bad-port list (4190, 6000, ...).
      if (/bad port/i.test(String((e as { cause?: unknown }).cause))) {
        await close();
        throw new Error(`port ${port} is one that fetch refuses (a "bad port"): choose another`);
      }
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`vite preview did not answer at ${origin} within ${SERVER_START_MS / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Serves dist/ and opens a page (not yet navigated); throws NO_BUILD without a build. */
export async function openBuiltApp(o: HeadlessOptions): Promise<HeadlessApp> {
  if (!existsSync('dist/index.html')) throw new Error(NO_BUILD);
  const server = await startPreview(o.port);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...(o.extraArgs ?? [])] });
  } catch (e) {
    await server.close();
    throw e;
  }
  const close = async () => {
    await browser.close();
    await server.close();
  };
  try {
    const page = await browser.newPage(o.viewport ? { viewport: o.viewport } : {});
    return { browser, page, origin: server.origin, close };
  } catch (e) {
    await close();
    throw e;
  }
}
