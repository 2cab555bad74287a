import { describe, expect, it } from 'vitest';
import { UsageError } from './args.ts';
import { browserRequest, parseBenchArgs, SOFTWARE_WEBGPU } from './benchArgs.ts';

describe('bench options', () => {
  it('defaults: wasm and cpu on resnet20 and resnet56 in Node; webgpu and wasm on resnet20 in a browser', () => {
    const node = parseBenchArgs([]).settings;
    expect(node).toMatchObject({ browser: false, backends: ['wasm', 'cpu'], models: ['resnet20', 'resnet56'], ratios: [0, 0.5], runs: 5, warmup: 2, batch: 64, images: 256 });
    const browser = parseBenchArgs(['--browser']).settings;
    expect(browser).toMatchObject({ browser: true, backends: ['webgpu', 'wasm'], models: ['resnet20'], ratios: [0, 0.5], runs: 5, batch: 64 });
  });

  it("refuses the other mode's options and bad values, as usage errors", () => {
    expect(() => parseBenchArgs(['--browser', '--torch'])).toThrow(/--torch is for the Node benchmark only/);
    expect(() => parseBenchArgs(['--software-full'])).toThrow(/--software-full is for the browser/);
    expect(() => parseBenchArgs(['--ratios', '0,1'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/--runs must be a positive integer/);
  });

  it('asks the worker for a software adapter at a small size unless --software-full, always with the check and batch preparation', () => {
    const small = parseBenchArgs(['--browser', '--backends', 'auto,webgpu', '--runs', '2']);
    const request = browserRequest(small.settings, small.args);
    expect(request).toMatchObject({ backends: ['auto', 'webgpu'], runs: 2, software: SOFTWARE_WEBGPU, check: true, batchPrep: true });
    const full = parseBenchArgs(['--browser', '--software-full']);
    expect(browserRequest(full.settings, full.args).software).toBeNull();
    const bad = parseBenchArgs(['--browser', '--backends', 'metal']);
    expect(() => browserRequest(bad.settings, bad.args)).toThrow(/'metal' is not one of auto, webgpu, wasm, webgl, cpu/);
  });
});
