import { describe, expect, it } from 'vitest';
import { CONFIG_FIELDS, CONFIG_KEYS, defaultConfig, validateConfig, type RunConfig } from '../core/config/runConfig.ts';
import { rng, type Rng } from '../core/rng.ts';
import { decodeConfig, encodeConfig, encodeFlags } from './codec.ts';

function randomConfig(r: Rng): RunConfig {
  const c = defaultConfig() as unknown as Record<string, unknown>;
  const num = (min: number, max: number, integer?: boolean) => {
    const v = r.uniform(min, max);
    return integer ? Math.floor(v) : Number(v.toPrecision(1 + r.int(17)));
  };
  for (const key of CONFIG_KEYS) {
    if (r.float() < 0.3) continue;
    const f = CONFIG_FIELDS[key];
    if (f.kind === 'enum') c[key] = f.values[r.int(f.values.length)];
    else if (f.kind === 'enumList') c[key] = f.values.filter(() => r.float() < 0.5).concat().slice(0) as string[];
    else if (f.kind === 'bool') c[key] = r.float() < 0.5;
    else if (f.kind === 'number') c[key] = num(f.min + (f.minExclusive ? 1e-3 : 0), f.max - (f.maxExclusive ? 1e-3 : 0), f.integer);
    else if (f.kind === 'numberList') c[key] = Array.from({ length: 1 + r.int(3) }, () => num(f.min + 1e-3, f.max - 1e-3));
    else c[key] = `data-${r.int(1000)}`;
  }
  if ((c.methods as string[]).length === 0) c.methods = ['al'];
  return c as unknown as RunConfig;
}

describe('URL codec', () => {
  it('round-trips random valid configs: decode(encode(c)) == c', () => {
    const r = rng(12, 'codec');
    let tested = 0;
    for (let i = 0; i < 300; i++) {
      const c = randomConfig(r);
      if (validateConfig(c).length > 0) continue;
      tested++;
      const { config, ignored } = decodeConfig(encodeConfig(c));
      expect(ignored).toEqual([]);
      expect(config).toEqual(c);
    }
    expect(tested).toBeGreaterThan(50);
  });

  it('leaves defaults out but always writes the version and the seed', () => {
    expect(encodeConfig(defaultConfig())).toBe('v=1&seed=0');
    expect(encodeConfig({ ...defaultConfig(), ratio: [0.5, 0.7], seed: 3 })).toBe('v=1&seed=3&ratio=0.5,0.7');
  });

  it('accepts a whole lab URL', () => {
    const { config } = decodeConfig('https://lab.example/?v=1&seed=9&model=resnet8&methods=al,prunefuse#x');
    expect(config.model).toBe('resnet8');
    expect(config.methods).toEqual(['al', 'prunefuse']);
    expect(config.seed).toBe(9);
  });

  it('never throws on hostile input: keeps the defaults and reports what it ignored', () => {
    const { config, ignored, hidden } = decodeConfig(
      '?v=2&model=<script>alert(1)</script>&ratio=1.5&epochs=abc&augment=maybe&zzz=1&budget=0.05&methods=al,al&lr=&metric_hide=true&foo_hide=true&seed=-4&dataset=../../etc',
    );
    expect(config).toEqual(defaultConfig());
    expect(ignored.map((i) => i.key).sort()).toEqual(['augment', 'budget', 'dataset', 'epochs', 'foo_hide', 'lr', 'methods', 'model', 'ratio', 'seed', 'v', 'zzz']);
    expect(ignored.find((i) => i.key === 'model')!.why).toMatch(/must be one of resnet8/);
    expect(hidden).toEqual(['metric']);
    for (const s of ['%', '?&&&', '=x', 'ratio=0.5,', 'schedule=0.4&budget=0.1']) expect(() => decodeConfig(s)).not.toThrow();
  });

  it('resets values that conflict with each other and says why', () => {
    const { config, ignored } = decodeConfig('schedule=0.4,0.1&budget=0.2');
    expect(config.schedule).toEqual(defaultConfig().schedule);
    expect(config.budget).toBe(0.2);
    expect(ignored[0]!.why).toMatch(/initial fraction 0.4 exceeds the budget 0.2/);
  });

  it("reads a teacher's link: hidden and locked settings, hidden panels, and round-trips them", () => {
    const d = decodeConfig('?model=resnet8&epochs=2&model_hide=true&epochs_lock=true&hide=fusion,importer,nope&example=quick-demo');
    expect(d.config.model).toBe('resnet8');
    expect(d.hidden).toEqual(['model']);
    expect(d.locked.sort()).toEqual(['epochs', 'model']);
    expect(d.panels).toEqual(['fusion', 'importer']);
    expect(d.example).toBe('quick-demo');
    expect(d.ignored).toEqual([{ key: 'hide', value: 'nope', why: expect.stringMatching(/no view, chart or part/) }]);
    const again = decodeConfig(`?${encodeConfig(d.config)}${encodeFlags(d)}`);
    expect([again.config, again.hidden, again.locked.sort(), again.panels]).toEqual([d.config, d.hidden, d.locked, d.panels]);
    expect(decodeConfig('example=../x').ignored[0]!.key).toBe('example');
    expect(decodeConfig('epochs_lock=maybe').ignored[0]!.why).toBe('must be true or false');
  });
});
