import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Main (ESM) and preload (CommonJS: sandboxed preloads cannot be ES modules) for Electron.
// Native and Electron modules stay external; everything else is bundled. The workers (the
// import's CSV tokenizer, the report's lists writer) are further entries of the main build,
// emitted beside main.js, where startWorker.ts looks for them. The CLI is one more (cli.js):
// plain Node runs it through electron/cli/bin/mdm-migrate.js without a TypeScript loader, the
// installed app through `--cli`, and both find the workers beside it.
const external = ['electron', 'better-sqlite3', 'electron-log', 'electron-log/main', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

// CommonJS packages bundled into the ES-module output may read `__dirname` (pdfmake's virtual
// file system does, for every font it embeds); ES modules have none, so each chunk gets its own.
const ES_MODULE_DIRNAME =
  "import { dirname as __bundleDirname } from 'node:path'; import { fileURLToPath as __bundleFileURLToPath } from 'node:url'; const __dirname = __bundleDirname(__bundleFileURLToPath(import.meta.url));";

export default defineConfig(({ mode }) => {
  const preload = mode === 'preload';
  const entry: Record<string, string> = preload
    ? { preload: 'electron/shell/preload.ts' }
    : { main: 'electron/shell/main.ts', csvTokenizerWorker: 'electron/core/importers/csv/csvTokenizerWorker.ts', reportListsWorker: 'electron/core/reports/reportListsWorker.ts', cli: 'electron/cli/mdm-migrate.ts' };
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
      rollupOptions: { external, output: preload ? {} : { banner: ES_MODULE_DIRNAME } },
    },
    ssr: { noExternal: true, external },
  };
});
