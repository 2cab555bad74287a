/**
 * Babel plugin for the layer check's second pass: turns `import type { X } from 'm'` (and imports whose
 * specifiers are all types) into `import 'm'`, so type-only imports show up as edges between layers.
 */
module.exports = function keepTypeImports({ types: t }) {
  const typeOnly = (node) => node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
  return {
    visitor: {
      // On entering the program, before the TypeScript preset strips type imports there.
      Program(program) {
        for (const path of program.get('body')) {
          if (path.isImportDeclaration() && typeOnly(path.node)) path.replaceWith(t.importDeclaration([], t.stringLiteral(path.node.source.value)));
        }
      },
    },
  };
};
