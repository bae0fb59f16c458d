// mdm-migrate from the TypeScript sources, for tests that need it in a process of its own
// (exit codes, worker threads): `node --import tsx test/support/cliFromSources.ts <args>`.
// The launchers run the built bundle instead, which a test would find missing or stale.
import { main } from '../../electron/cli/mdm-migrate.js';

process.exitCode = await main(process.argv.slice(2));
