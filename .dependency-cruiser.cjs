// `npm test` fails on any import cycle in electron/ or renderer/ (issue #17): a cycle makes
// load order matter and hides which module owns a type, so none is allowed, type-only ones included.
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other, directly or through others.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|dist-electron)/' },
  },
};
