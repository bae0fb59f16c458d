import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread whose entry `name` lives beside the calling module (`callerUrl`, its
 * `import.meta.url`). The Electron build bundles each worker as `name.js` beside the main
 * bundle, where the CLI's bundle finds it too (vite.electron.config.ts). Run from the
 * TypeScript sources (tests, benchmarks) there is no such file: the worker then registers tsx
 * first and requires the .ts entry.
 */
export function startWorker(callerUrl: string, name: string, options: WorkerOptions): Worker {
  const fromSources = callerUrl.endsWith('.ts');
  const entry = new URL(`./${name}.${fromSources ? 'ts' : 'js'}`, callerUrl);
  if (!fromSources) return new Worker(entry, options);
  // tsx's CommonJS hook rather than its ESM loader, which would start a loader thread of its
  // own inside the worker before the worker could answer its first message.
  const tsxApi = createRequire(callerUrl).resolve('tsx/cjs/api');
  const bootstrap = `require(${JSON.stringify(tsxApi)}).register(); require(${JSON.stringify(fileURLToPath(entry))});`;
  return new Worker(bootstrap, { ...options, eval: true });
}
