/**
 * The layer rules (README, "Layout"), checked by `npm run check:layers` inside `npm test`, in two passes of
 * dependency-cruiser over src/ and workers/:
 *   runtime.cjs: the imports that run (Babel strips `import type`): every rule, tfjs followed transitively;
 *   types.cjs:   type-only imports too (keepTypeImports.cjs): the layer rules, since types couple layers
 *                as well, but not the tfjs rule (a type import loads nothing).
 * dependency-cruiser reads TypeScript through Babel because TypeScript 7 has no JS API for it and its swc
 * reader cannot parse .tsx (@swc/core is installed only so that it scans .ts and .tsx files at all).
 */
const MAIN_THREAD = '^src/(main\\.tsx|ui/|store/|url/|services/)';
const NOT_TESTS = '(\\.test\\.ts|/testing/.*)$';

const layerRules = [
  {
    name: 'core-is-pure',
    comment: 'src/core runs unchanged in Node, in workers and in tests: it imports none of the hosts or the page.',
    severity: 'error',
    from: { path: '^src/core/', pathNot: NOT_TESTS },
    to: { path: '^(src/(ui|store|services|url|cli|storage|protocol|testing)/|src/main\\.tsx|workers/)' },
  },
  {
    name: 'workers-are-not-the-page',
    comment: 'workers/ are thin adapters over src/core: no UI, store or page services.',
    severity: 'error',
    from: { path: '^workers/' },
    to: { path: '^src/(ui|store|services|url)/' },
  },
  {
    name: 'store-knows-no-workers',
    comment: 'The store (and the URL codec and the UI) are plain page code; what crosses the worker boundary lives in src/protocol.',
    severity: 'error',
    from: { path: '^src/(store|url|ui)/' },
    to: { path: '^workers/' },
  },
  {
    name: 'shared-modules-stay-low',
    comment: 'src/protocol and src/storage are imported by the page and the workers alike: they build on core only.',
    severity: 'error',
    from: { path: '^src/(protocol|storage)/' },
    to: { path: '^(src/(ui|store|services|url|cli)/|workers/)' },
  },
  {
    name: 'not-to-unresolvable',
    severity: 'error',
    from: {},
    to: { couldNotResolve: true },
  },
];

const tfjsRule = {
  name: 'no-tfjs-on-the-main-thread',
  comment: 'tfjs-core parses location.search when it loads (and throws on some links): every @tensorflow module stays in workers and Node, not reached from the page directly or through core.',
  severity: 'error',
  from: { path: MAIN_THREAD, pathNot: NOT_TESTS },
  to: { path: '@tensorflow/', reachable: true },
};

const options = (babelConfig) => ({
  doNotFollow: { path: 'node_modules' },
  exclude: { path: '^dist/' },
  babelConfig: { fileName: babelConfig },
  enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
});

module.exports = { layerRules, tfjsRule, options };
