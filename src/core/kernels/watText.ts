/**
 * Pieces of WebAssembly text for the kernel generators (filterGradDirectWat.ts, convDirectWat.ts): i32
 * arithmetic on locals, parameter lists and loops, as S-expressions.
 */

export const range = (k: number): number[] => Array.from({ length: k }, (_, i) => i);
export const get = (name: string): string => `(local.get $${name})`;
export const set = (name: string, value: string): string => `(local.set $${name} ${value})`;
export const add = (a: string, b: string): string => `(i32.add ${a} ${b})`;
export const sub = (a: string, b: string): string => `(i32.sub ${a} ${b})`;
export const mul = (a: string, b: string): string => `(i32.mul ${a} ${b})`;
export const lit = (v: number): string => `(i32.const ${v})`;
/** max(v, 0), signed. */
export const max0 = (v: string): string => `(select ${v} ${lit(0)} (i32.gt_s ${v} ${lit(0)}))`;
/** i32 parameters named `names`. */
export const params = (names: string[]): string => names.map((p) => `(param $${p} i32)`).join(' ');

/** `while (!exit) { body }` as a block and loop labelled `label`. */
export const loopWhile = (label: string, exit: string, body: string[]): string[] =>
  [`(block $${label}_done (loop $${label}`, `  (br_if $${label}_done ${exit})`, ...body.map((l) => `  ${l}`), `  (br $${label})))`];
