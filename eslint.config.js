// Lint, and above all the layer boundaries: what each folder may import. A forbidden
// import fails `npm test`, so the architecture cannot drift silently.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Package names are matched exactly (`paths`), folders of this repository by pattern.
const ELECTRON = [
  { name: 'electron', message: 'Only electron/shell may use Electron.' },
  { name: 'electron-log/main', message: 'Only electron/shell may use Electron.' },
];
const UI = ['react', 'react-dom', 'react-dom/client', '@fluentui/react-components', '@fluentui/react-icons', 'zustand', '@tanstack/react-virtual'].map((name) => ({
  name,
  message: 'UI libraries belong to renderer/.',
}));
const NODE_AND_STORAGE = ['better-sqlite3', 'electron-log', 'csv-parse', 'yauzl'].map((name) => ({
  name,
  message: 'This layer runs in a browser or sandbox: no Node or storage modules.',
}));
const NODE_BUILTINS = { group: ['node:*'], message: 'This layer runs in a browser or sandbox: no Node modules.' };
const restrict = (paths, patterns = []) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-results/**', '.cache/**', 'native/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Imported data is untrusted: render text, never HTML.' }],
    },
  },
  {
    files: ['electron/contract/**/*.ts'],
    rules: restrict([...ELECTRON, ...UI, ...NODE_AND_STORAGE], [
      NODE_BUILTINS,
      { group: ['**/core/**', '**/services/**', '**/shell/**', '**/cli/**'], message: 'The contract depends on nothing but zod.' },
    ]),
  },
  {
    files: ['electron/core/**/*.ts', 'electron/services/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict([...ELECTRON, ...UI], [{ group: ['**/shell/**', '**/renderer/**'], message: 'The core and its hosts never reach into the Electron shell or the UI.' }]),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: restrict(
      [...ELECTRON, ...UI, { name: 'electron-log', message: 'The core logs through the Logger port it is given.' }],
      [{ group: ['**/shell/**', '**/renderer/**', '**/services/**', '**/cli/**'], message: 'The domain core does not depend on its hosts.' }],
    ),
  },
  {
    files: ['electron/shell/preload.ts'],
    rules: restrict(NODE_AND_STORAGE, [NODE_BUILTINS, { group: ['**/core/**', '**/services/**', '**/contract/api*'], message: 'The sandboxed preload only maps method names onto IPC.' }]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...restrict(
        [...NODE_AND_STORAGE, { name: 'electron', message: 'The renderer talks only to window.api.' }],
        [NODE_BUILTINS, { group: ['**/electron/core/**', '**/electron/services/**', '**/electron/shell/**', '**/electron/cli/**'], message: 'The renderer talks only to window.api; share types through electron/contract.' }],
      ),
    },
  },
  {
    files: ['test/**/*.{ts,cjs}', '*.config.ts', 'electron/tooling/**', 'electron/cli/bin/**', 'test/tools/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-empty-pattern': 'off' },
  },
);
