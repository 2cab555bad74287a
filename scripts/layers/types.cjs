/** Layer check, second pass: type-only imports count too. See rules.cjs. */
const { layerRules, options } = require('./rules.cjs');

module.exports = { forbidden: layerRules, options: options('scripts/layers/babel-types.json') };
