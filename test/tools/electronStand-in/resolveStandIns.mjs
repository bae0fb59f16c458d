// Module resolution hook: the two Electron-only imports of the main bundle become stand-ins.
const STAND_INS = {
  electron: new URL('./electron.mjs', import.meta.url).href,
  'electron-log/main': new URL('./electronLog.mjs', import.meta.url).href,
};

export async function resolve(specifier, context, nextResolve) {
  const standIn = STAND_INS[specifier];
  return standIn ? { url: standIn, shortCircuit: true } : nextResolve(specifier, context);
}
