import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Main (ESM) and preload (CommonJS: sandboxed preloads cannot be ES modules) for Electron.
// Native and Electron modules stay external; everything else is bundled. The import's CSV
// tokenizer worker is a second entry of the main build, emitted beside main.js, where
// offThreadTokenizer.ts looks for it. The CLI is a third (cli.js): plain Node runs it through
// electron/cli/bin/mdm-migrate.js without a TypeScript loader, the installed app through
// `--cli`, and both find the worker beside it.
const external = ['electron', 'better-sqlite3', 'electron-log', 'electron-log/main', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default defineConfig(({ mode }) => {
  const preload = mode === 'preload';
  const entry: Record<string, string> = preload
    ? { preload: 'electron/shell/preload.ts' }
    : { main: 'electron/shell/main.ts', csvTokenizerWorker: 'electron/core/importers/csv/csvTokenizerWorker.ts', cli: 'electron/cli/mdm-migrate.ts' };
  return {
    build: {
      outDir: 'dist-electron',
      emptyOutDir: !preload,
      target: 'node22',
      minify: false,
      sourcemap: true,
      ssr: true,
      lib: {
        entry,
        formats: [preload ? 'cjs' : 'es'],
        fileName: (_format, name) => (preload ? `${name}.cjs` : `${name}.js`),
      },
      rollupOptions: { external },
    },
    ssr: { noExternal: true, external },
  };
});
