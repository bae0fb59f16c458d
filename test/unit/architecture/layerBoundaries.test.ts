import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

/** The lint configuration is the architecture's enforcement; these prove it bites. */
describe('layer boundaries', () => {
  it.each([
    ['electron/core/snapshot/example.ts', "import { app } from 'electron';"],
    ['electron/core/snapshot/example.ts', "import React from 'react';"],
    ['electron/core/snapshot/example.ts', "import log from 'electron-log';"],
    ['electron/core/snapshot/example.ts', "import { AppServices } from '../../services/appServices.js';"],
    ['electron/services/example.ts', "import { registerApiHandlers } from '../shell/ipc.js';"],
    ['electron/cli/example.ts', "import { BrowserWindow } from 'electron';"],
    ['electron/contract/example.ts', "import { readFileSync } from 'node:fs';"],
    ['electron/contract/example.ts', "import { openSnapshot } from '../core/snapshot/openSnapshot.js';"],
    ['electron/shell/preload.ts', "import { openSnapshot } from '../core/snapshot/openSnapshot.js';"],
    ['renderer/src/example.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/example.ts', "import Database from 'better-sqlite3';"],
    ['renderer/src/example.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/src/features/example.ts', "import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot';"],
  ])('%s may not %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).not.toHaveLength(0);
  });

  it.each([
    ['electron/core/snapshot/example.ts', "import Database from 'better-sqlite3';"],
    ['electron/core/snapshot/example.ts', "import { apiContract } from '../../contract/api.js';"],
    ['electron/shell/example.ts', "import { app } from 'electron';"],
    ['renderer/src/features/example.ts', "import type { DeviceRow } from '../../../electron/contract/api';"],
    ['renderer/src/features/example.ts', "import { create } from 'zustand';"],
  ])('%s may %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([]);
  });
});
