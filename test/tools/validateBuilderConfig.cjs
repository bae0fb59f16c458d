// Validates electron-builder.yml against electron-builder's own schema, offline, so a typo
// fails `npm test` here instead of on the packaging machine. Uses electron-builder internals
// (pinned version), so re-check after an upgrade.
const { readFileSync } = require('node:fs');
const yaml = require('js-yaml'); // installed with electron-builder
const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util/out/DebugLogger');

const file = process.argv[2] ?? 'electron-builder.yml';
validateConfiguration(yaml.load(readFileSync(file, 'utf8')), new DebugLogger(false)).then(
  () => console.log(`OK ${file}`),
  (error) => {
    console.error(`INVALID ${file}\n${error.message}`);
    process.exit(1);
  },
);
