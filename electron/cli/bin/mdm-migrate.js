#!/usr/bin/env node
// Runs the TypeScript CLI straight from the repository through tsx, so `npx mdm-migrate`
// works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../mdm-migrate.ts');
process.exitCode = await main(process.argv.slice(2));
