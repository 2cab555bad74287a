/** Layer check, first pass: the imports that run. See rules.cjs. */
const { layerRules, tfjsRule, options } = require('./rules.cjs');

module.exports = { forbidden: [...layerRules, tfjsRule], options: options('scripts/layers/babel-runtime.json') };
