/**
 * The source of the direct forward convolution (convDirect.ts), functions of the direct kernels' module
 * (directKernelsWat.ts), written out by this generator because its register tiles are one loop at several sizes.
 *
 *   y[n, i, j, o] = sum_{a, b, c} x[n, s*i + a - pt, s*j + b - pl, c] * w[a, b, c, o]
 *
 * read straight from NHWC x and HWIO w. For one output pixel and one tap row a, the taps (b, c) are one
 * contiguous run of kw * ci floats in x (the window's pixels lie side by side) and one in w (stepping co
 * floats), so a tile of R output pixels x C output channels is a single loop over that run, repeated for
 * each tap row inside the image: splat x, multiply by C channels of w, add to the tile's accumulators.
 *
 * Same bits as XNNPACK's convolution (tfjs-wasm's Conv2D): XNNPACK sums each output from zero in (a, b, c)
 * order with a float32 multiply then add, its zero padding included; this kernel sums the same products in
 * the same order and skips the padding, whose products are zeros: adding a zero to a sum that started at
 * +0 never changes it (a sum that starts at +0 is never -0 in round-to-nearest), so the bits are the same
 * (tested against XNNPACK on many shapes).
 *
 * Output pixels whose window lies inside the image columns take tiles of R pixels (R by tile width, so that
 * the accumulators, channel vectors and the splat fit x64's 16 vector registers); pixels at the left and
 * right edges take one-pixel tiles over the taps inside the image. The last 1-3 output channels, when the
 * count is not a multiple of 4, take masked tiles over a w whose rows the caller pads to whole vectors.
 * Needs, checked by the caller: one stride, each pad smaller than the filter (every window meets the image).
 * The export computes output rows r0 .. r1 - 1 (of the n * ho rows), so that threads can share a call.
 */
import { add, get, lit, loopWhile, max0, mul, params, range, set, sub } from './watText.ts';

/** Output-channel widths of the tiles, largest first, and the output pixels per tile of each. */
const TILES = [
  { cols: 16, pixels: 2 },
  { cols: 8, pixels: 3 },
  { cols: 4, pixels: 4 },
] as const;

/** The 4-wide tile, whose masked variant takes the last 1-3 output channels. */
const LAST = TILES[TILES.length - 1]!;

/**
 * $t{R}x{C}: R output pixels x C output channels at `out` (pixel stride `os` bytes). Over `rows` tap rows
 * (x advancing `xrs` bytes a row, w `wgap` bytes past the run's end), each a run of `len` floats: pixel r
 * reads x from `x` + r * `ps`, all pixels read w from `w` stepping `ws` bytes. The masked variant
 * ($t{R}x4m, the last 1-3 output channels) stores only the first `keep` lanes of its one vector.
 */
function tileKernel(pixels: number, cols: number, masked = false): string {
  const vecs = cols / 4;
  const acc = (r: number, q: number): string => `a${r}_${q}`;
  const locals = [
    ...range(pixels).flatMap((r) => range(vecs).map((q) => `(local $${acc(r, q)} v128)`)),
    ...range(vecs).map((q) => `(local $w${q} v128)`),
    '(local $xv v128)',
    ...range(pixels).slice(1).map((r) => `(local $p${r} i32)`),
    '(local $k i32) (local $xk i32)',
  ];
  const xAt = (r: number): string => (r === 0 ? get('xk') : add(get('xk'), get(`p${r}`)));
  const outAt = (r: number): string => (r === 0 ? get('out') : add(get('out'), mul(lit(r), get('os'))));
  return [
    `(func $t${pixels}x${cols}${masked ? 'm' : ''} ${params(['x', 'w', 'out', 'rows', 'len', 'xrs', 'wgap', 'ps', 'os', 'ws', ...(masked ? ['keep'] : [])])}`,
    `  ${locals.join(' ')}`,
    ...range(pixels).slice(1).map((r) => `  ${set(`p${r}`, mul(lit(r), get('ps')))}`),
    '  (loop $row',
    `    ${set('xk', get('x'))}`,
    `    ${set('k', get('len'))}`,
    '    (loop $tap',
    ...range(vecs).map((q) => `      ${set(`w${q}`, `(v128.load offset=${16 * q} ${get('w')})`)}`),
    ...range(pixels).flatMap((r) => [
      `      ${set('xv', `(v128.load32_splat ${xAt(r)})`)}`,
      ...range(vecs).map((q) => `      ${set(acc(r, q), `(f32x4.add ${get(acc(r, q))} (f32x4.mul ${get('xv')} ${get(`w${q}`)}))`)}`),
    ]),
    `      ${set('xk', add(get('xk'), lit(4)))}`,
    `      ${set('w', add(get('w'), get('ws')))}`,
    `      (br_if $tap (local.tee $k ${sub(get('k'), lit(1))})))`,
    `    ${set('x', add(get('x'), get('xrs')))}`,
    `    ${set('w', add(get('w'), get('wgap')))}`,
    `    (br_if $row (local.tee $rows ${sub(get('rows'), lit(1))})))`,
    ...range(pixels).flatMap((r) => range(vecs).map((q) => `  ${masked ? maskedStore(outAt(r), acc(r, q)) : `(v128.store offset=${16 * q} ${outAt(r)} ${get(acc(r, q))})`}`)),
    ')',
  ].join('\n');
}

/** Stores the first `keep` (1-3) lanes of vector `v` at `ptr`. */
function maskedStore(ptr: string, v: string): string {
  return `(if (i32.eq ${get('keep')} ${lit(1)}) (then (v128.store32_lane 0 ${ptr} ${get(v)})) (else (v128.store64_lane 0 ${ptr} ${get(v)})`
    + ` (if (i32.eq ${get('keep')} ${lit(3)}) (then (v128.store32_lane offset=8 2 ${ptr} ${get(v)})))))`;
}

/**
 * Every output pixel of the current row for output channels o .. o + cols - 1 (masked: the last 1-3, from
 * a w padded to whole vectors, see convDirect.ts).
 */
function columns(cols: number, pixels: number, masked = false): string[] {
  const name = `${cols}${masked ? 'm' : ''}`;
  const call = (r: number, len: string, firstCol: string, wFrom: string, wgap: string): string =>
    `(call $t${r}x${name} ${add(get('xrow'), mul(firstCol, get('ci4')))} ${add(get('w'), add(wFrom, mul(get('o'), lit(4))))} `
    + `${add(get('orow'), mul(add(mul(get('j'), get('co')), get('o')), lit(4)))} ${get('rows')} ${len} ${get('xrs')} ${wgap} ${get('ps')} ${get('os')} ${get('ws')}`
    + `${masked ? ` ${sub(get('co'), get('o'))}` : ''})`;
  const start = sub(mul(get('s'), get('j')), get('pl'));
  // An edge pixel: its window's columns b0 .. b1 - 1 lie inside the image.
  const edge = [
    set('b0', max0(sub(get('pl'), mul(get('s'), get('j'))))),
    set('b1', sub(add(get('wd'), get('pl')), mul(get('s'), get('j')))),
    `(if (i32.gt_s ${get('b1')} ${get('kw')}) (then ${set('b1', get('kw'))}))`,
    call(1, mul(sub(get('b1'), get('b0')), get('ci')), add(start, get('b0')), add(get('wrow'), mul(mul(get('b0'), get('ci')), get('ws'))),
      mul(mul(sub(get('kw'), sub(get('b1'), get('b0'))), get('ci')), get('ws'))),
    set('j', add(get('j'), lit(1))),
  ];
  const inner = (r: number): string[] => [call(r, get('run'), start, get('wrow'), lit(0)), set('j', add(get('j'), lit(r)))];
  return [
    set('j', lit(0)),
    ...loopWhile(`left${name}`, `(i32.ge_s ${get('j')} ${get('jlo')})`, edge),
    ...loopWhile(`inner${name}`, `(i32.gt_s ${add(get('j'), lit(pixels - 1))} ${get('jhi')})`, inner(pixels)),
    ...loopWhile(`rest${name}`, `(i32.gt_s ${get('j')} ${get('jhi')})`, inner(1)),
    ...loopWhile(`right${name}`, `(i32.ge_s ${get('j')} ${get('wo')})`, edge),
  ];
}

/** The export: output rows r0 .. r1 - 1, each over its tap rows inside the image. */
function convKernel(): string {
  const args = ['x', 'w', 'out', 'n', 'h', 'wd', 'ci', 'ho', 'wo', 'co', 'kh', 'kw', 's', 'pt', 'pl', 'r0', 'r1'];
  const locals = ['q', 'i', 'a0', 'a1', 'rows', 'j', 'jlo', 'jhi', 'o', 'b0', 'b1', 'xrow', 'wrow', 'orow', 'ws', 'os', 'ci4', 'xrs', 'ps', 'run'];
  const body = [
    set('i', `(i32.rem_u ${get('q')} ${get('ho')})`),
    // Tap rows a0 .. a1 - 1 lie inside the image: 0 <= s*i + a - pt < h.
    set('a0', max0(sub(get('pt'), mul(get('s'), get('i'))))),
    set('a1', sub(add(get('h'), get('pt')), mul(get('s'), get('i')))),
    `(if (i32.gt_s ${get('a1')} ${get('kh')}) (then ${set('a1', get('kh'))}))`,
    set('rows', sub(get('a1'), get('a0'))),
    set('xrow', add(get('x'), mul(add(mul(sub(add(mul(get('s'), get('i')), get('a0')), get('pt')), get('wd')),
      mul(mul(`(i32.div_u ${get('q')} ${get('ho')})`, get('h')), get('wd'))), get('ci4')))),
    set('wrow', mul(mul(mul(get('a0'), get('kw')), get('ci')), get('ws'))),
    set('orow', add(get('out'), mul(mul(mul(get('q'), get('wo')), get('co')), lit(4)))),
    set('o', lit(0)),
    ...TILES.flatMap(({ cols, pixels }) => loopWhile(`o${cols}`, `(i32.gt_s ${add(get('o'), lit(cols))} ${get('co')})`, [
      ...columns(cols, pixels),
      set('o', add(get('o'), lit(cols))),
    ])),
    `(if (i32.lt_s ${get('o')} ${get('co')}) (then`,
    ...columns(4, LAST.pixels, true).map((l) => `  ${l}`),
    '))',
    set('q', add(get('q'), lit(1))),
  ];
  return [
    `(func (export "conv") ${params(args)}`,
    `  ${locals.map((l) => `(local $${l} i32)`).join(' ')}`,
    // w's output channels are padded to whole vectors (the caller pads w when co is not a multiple of 4).
    `  ${set('ws', mul(`(i32.and ${add(get('co'), lit(3))} ${lit(-4)})`, lit(4)))}`,
    `  ${set('os', mul(get('co'), lit(4)))}`,
    `  ${set('ci4', mul(get('ci'), lit(4)))}`,
    `  ${set('xrs', mul(get('wd'), get('ci4')))}`,
    `  ${set('ps', mul(get('s'), get('ci4')))}`,
    `  ${set('run', mul(get('kw'), get('ci')))}`,
    // Output columns whose window lies inside the image: jlo = ceil(pl / s) .. jhi = floor((wd - kw + pl) / s).
    `  ${set('jlo', `(i32.div_s ${add(get('pl'), sub(get('s'), lit(1)))} ${get('s')})`)}`,
    `  (if (i32.gt_s ${get('jlo')} ${get('wo')}) (then ${set('jlo', get('wo'))}))`,
    `  ${set('jhi', `(i32.div_s ${sub(add(get('wd'), get('pl')), get('kw'))} ${get('s')})`)}`,
    `  (if (i32.lt_s ${sub(add(get('wd'), get('pl')), get('kw'))} ${lit(0)}) (then ${set('jhi', lit(-1))}))`,
    `  (if (i32.ge_s ${get('jhi')} ${get('wo')}) (then ${set('jhi', sub(get('wo'), lit(1)))}))`,
    `  ${set('q', get('r0'))}`,
    ...loopWhile('outRow', `(i32.ge_s ${get('q')} ${get('r1')})`, body).map((l) => `  ${l}`),
    ')',
  ].join('\n');
}

/** The direct convolution's functions, for the direct kernels' module. */
export function convDirectFunctions(): string[] {
  const tiles = TILES.flatMap(({ cols, pixels }) => [tileKernel(pixels, cols), tileKernel(1, cols)]);
  tiles.push(tileKernel(LAST.pixels, 4, true), tileKernel(1, 4, true));
  return [...tiles, convKernel()];
}
