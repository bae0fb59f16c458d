// `node --import ./register.mjs dist-electron/main.js …`: the app's bundled main process under
// plain Node, with `electron` and `electron-log/main` resolved to the stand-ins beside this file
// (the Electron binary cannot be downloaded here). Used by checkAppCli.mjs.
import { register } from 'node:module';

register('./resolveStandIns.mjs', import.meta.url);
