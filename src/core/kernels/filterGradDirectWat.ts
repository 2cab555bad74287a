/**
 * The source of the direct filter-gradient kernel (filterGradDirect.ts), functions of the direct kernels'
 * module (directKernelsWat.ts) written out by this generator, because its register-tiled inner kernels are
 * the same code at four tile sizes.
 *
 *   dW[a, b, c, o] = sum_{n, i, j} x[n, s*i + a - pt, s*j + b - pl, c] * dy[n, i, j, o]
 *
 * read straight from NHWC x and dy, with no transposed or padded copy. For each image n, output row i and
 * tap (a, b), the valid output columns j0..j1 form one strided run of x's pixels and one contiguous run of
 * dy's; every tile of 4 input x 8 output channels of dW[a, b] (then the 1- and 4-wide edges) loads its
 * accumulators, adds the run's products in registers and stores them back. Each dW element is thus summed
 * in (n, i, j) order with a float32 multiply then add, exactly as XNNPACK's GEMM sums the same products in
 * the GEMM form (filterGradGemm.ts; the products it adds for padding are zeros, which change no sum), so
 * the two forms give the same bits.
 *
 * Requirements, checked by the caller: the output channel count is a multiple of 4, one stride for both
 * dimensions, out zeroed. All pointers are byte offsets into the imported memory (tfjs-wasm's own heap).
 */
import { add, get, lit, mul, params, range } from './watText.ts';

/** Input-channel rows and output-channel columns of the register tiles, largest first. */
const CI_TILES = [4, 1] as const;
const CO_TILES = [8, 4] as const;

/**
 * $k{R}x{C}: accumulates `count` pixels into the R x C tile at `out` (row stride `os` bytes): per pixel,
 * R input channels of x (splatted) times C output channels of dy. Pointers advance by `xs` and `ds` bytes.
 */
function tileKernel(rows: number, cols: number): string {
  const vecs = cols / 4;
  const acc = (r: number, q: number): string => `a${r}_${q}`;
  const locals = [
    ...range(rows).flatMap((r) => range(vecs).map((q) => acc(r, q))),
    ...range(rows).map((r) => `x${r}`),
    ...range(vecs).map((q) => `d${q}`),
  ].map((l) => `(local $${l} v128)`);
  const rowPtr = (r: number): string => (r === 0 ? get('out') : add(get('out'), mul(lit(r), get('os'))));
  const load = range(rows).flatMap((r) => range(vecs).map((q) => `(local.set $${acc(r, q)} (v128.load offset=${16 * q} ${rowPtr(r)}))`));
  const store = range(rows).flatMap((r) => range(vecs).map((q) => `(v128.store offset=${16 * q} ${rowPtr(r)} (local.get $${acc(r, q)}))`));
  const body = [
    ...range(vecs).map((q) => `(local.set $d${q} (v128.load offset=${16 * q} ${get('dy')}))`),
    ...range(rows).map((r) => `(local.set $x${r} (v128.load32_splat offset=${4 * r} ${get('x')}))`),
    ...range(rows).flatMap((r) => range(vecs).map((q) =>
      `(local.set $${acc(r, q)} (f32x4.add (local.get $${acc(r, q)}) (f32x4.mul (local.get $x${r}) (local.get $d${q}))))`)),
    `(local.set $x ${add(get('x'), get('xs'))})`,
    `(local.set $dy ${add(get('dy'), get('ds'))})`,
    `(br_if $pixel (local.tee $count (i32.sub ${get('count')} ${lit(1)})))`,
  ];
  return [
    `(func $k${rows}x${cols} ${params(['x', 'dy', 'out', 'count', 'xs', 'ds', 'os'])}`,
    `  ${locals.join(' ')}`,
    ...load.map((l) => `  ${l}`),
    '  (loop $pixel',
    ...body.map((l) => `    ${l}`),
    '  )',
    ...store.map((l) => `  ${l}`),
    ')',
  ].join('\n');
}

/** The tiles of input channels c .. c+R-1 (one $row block per row tile size R), across all output channels. */
function rowBlock(rows: number): string {
  const call = (cols: number): string =>
    `(call $k${rows}x${cols} ${add(get('x'), mul(get('c'), lit(4)))} ${add(get('dy'), mul(get('o'), lit(4)))} `
    + `${add(get('out'), mul(add(mul(get('c'), get('co')), get('o')), lit(4)))} ${get('count')} ${get('xs')} ${get('ds')} ${get('ds')})`;
  const [wide, narrow] = CO_TILES;
  return `
    (block $rows${rows}_done (loop $rows${rows}
      (br_if $rows${rows}_done (i32.gt_u ${add(get('c'), lit(rows))} ${get('c1')}))
      (local.set $o ${lit(0)})
      (block $wide_done (loop $wide
        (br_if $wide_done (i32.gt_u ${add(get('o'), lit(wide))} ${get('co')}))
        ${call(wide)}
        (local.set $o ${add(get('o'), lit(wide))})
        (br $wide)))
      (if (i32.lt_u ${get('o')} ${get('co')}) (then ${call(narrow)}))
      (local.set $c ${add(get('c'), lit(rows))})
      (br $rows${rows})))`;
}

/**
 * $row: one run of `count` pixels (x from `x`, stride `xs`; dy from `dy`) into input channels c0 .. c1 - 1
 * of one tap's [ci, co] block at `out`.
 */
function rowKernel(): string {
  return `(func $row ${params(['x', 'dy', 'out', 'count', 'xs', 'co', 'c0', 'c1'])}
    (local $c i32) (local $o i32) (local $ds i32)
    (local.set $ds ${mul(get('co'), lit(4))})
    (local.set $c ${get('c0')})${CI_TILES.map(rowBlock).join('')})`;
}

/**
 * The export: loops over images, output rows and taps, and finds each run's valid columns. It computes the
 * input channels c0 .. c1 - 1 of dW, so that threads can share a call (each output is summed by one).
 */
function filterGradKernel(): string {
  const args = ['x', 'dy', 'out', 'n', 'h', 'w', 'ci', 'ho', 'wo', 'co', 'kh', 'kw', 's', 'pt', 'pl', 'c0', 'c1'];
  const xPixel = add(mul(add(mul(get('nn'), get('h')), get('y')), get('w')), add(mul(get('s'), get('j0')), `(i32.sub ${get('b')} ${get('pl')})`));
  const dyPixel = add(mul(add(mul(get('nn'), get('ho')), get('i')), get('wo')), get('j0'));
  const tap = mul(add(mul(get('a'), get('kw')), get('b')), mul(get('ci'), get('co')));
  return `(func (export "filterGrad") ${params(args)}
    (local $nn i32) (local $i i32) (local $a i32) (local $b i32) (local $y i32) (local $j0 i32) (local $j1 i32) (local $t i32) (local $xs i32)
    (local.set $xs ${mul(mul(get('s'), get('ci')), lit(4))})
    (loop $image
      (local.set $i ${lit(0)})
      (loop $outRow
        (local.set $a ${lit(0)})
        (loop $tapRow
          ;; y = s*i + a - pt, skipped unless 0 <= y < h (unsigned compare)
          (local.set $y (i32.sub ${add(mul(get('s'), get('i')), get('a'))} ${get('pt')}))
          (if (i32.lt_u ${get('y')} ${get('h')}) (then
            (local.set $b ${lit(0)})
            (loop $tapCol
              ;; valid j: 0 <= s*j + b - pl < w, so j0 = max(0, ceil((pl - b) / s)), j1 = min(wo - 1, floor((w - 1 + pl - b) / s))
              (local.set $t (i32.sub ${get('pl')} ${get('b')}))
              (local.set $j0 (select (i32.div_s ${add(get('t'), `(i32.sub ${get('s')} ${lit(1)})`)} ${get('s')}) ${lit(0)} (i32.gt_s ${get('t')} ${lit(0)})))
              (local.set $t (i32.sub ${add(get('w'), get('pl'))} ${add(get('b'), lit(1))}))
              (if (i32.ge_s ${get('t')} ${lit(0)}) (then
                (local.set $j1 (i32.div_s ${get('t')} ${get('s')}))
                (if (i32.ge_s ${get('j1')} ${get('wo')}) (then (local.set $j1 (i32.sub ${get('wo')} ${lit(1)}))))
                (if (i32.le_s ${get('j0')} ${get('j1')}) (then
                  (call $row
                    ${add(get('x'), mul(mul(xPixel, get('ci')), lit(4)))}
                    ${add(get('dy'), mul(mul(dyPixel, get('co')), lit(4)))}
                    ${add(get('out'), mul(tap, lit(4)))}
                    (i32.sub ${get('j1')} ${add(get('j0'), lit(-1))}) ${get('xs')} ${get('co')} ${get('c0')} ${get('c1')})))))
              (local.set $b ${add(get('b'), lit(1))})
              (br_if $tapCol (i32.lt_s ${get('b')} ${get('kw')})))))
          (local.set $a ${add(get('a'), lit(1))})
          (br_if $tapRow (i32.lt_s ${get('a')} ${get('kh')})))
        (local.set $i ${add(get('i'), lit(1))})
        (br_if $outRow (i32.lt_s ${get('i')} ${get('ho')})))
      (local.set $nn ${add(get('nn'), lit(1))})
      (br_if $image (i32.lt_s ${get('nn')} ${get('n')}))))`;
}

/** The direct filter gradient's functions, for the direct kernels' module. */
export function filterGradDirectFunctions(): string[] {
  const tiles = CI_TILES.flatMap((r) => CO_TILES.map((c) => tileKernel(r, c)));
  return [...tiles, rowKernel(), filterGradKernel()];
}
