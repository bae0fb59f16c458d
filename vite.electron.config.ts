import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Main (ESM) and preload (CommonJS: sandboxed preloads cannot be ES modules) for Electron.
// Native and Electron modules stay external; everything else is bundled.
const external = ['electron', 'better-sqlite3', 'electron-log', 'electron-log/main', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default defineConfig(({ mode }) => {
  const preload = mode === 'preload';
  return {
    build: {
      outDir: 'dist-electron',
      emptyOutDir: !preload,
      target: 'node22',
      minify: false,
      sourcemap: true,
      ssr: true,
      lib: {
        entry: preload ? 'electron/shell/preload.ts' : 'electron/shell/main.ts',
        formats: [preload ? 'cjs' : 'es'],
        fileName: () => (preload ? 'preload.cjs' : 'main.js'),
      },
      rollupOptions: { external },
    },
    ssr: { noExternal: true, external },
  };
});
