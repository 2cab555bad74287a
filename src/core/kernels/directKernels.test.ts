import { describe, expect, it } from 'vitest';
import { committedDirectKernelsModule, directKernelsModule } from '../../../scripts/build-kernels.ts';

describe("the direct kernels' wasm module", () => {
  it('is what its source compiles to (else: npm run build:kernels)', async () => {
    expect(committedDirectKernelsModule()).toBe(await directKernelsModule());
  });
});
