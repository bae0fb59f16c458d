// electron-log's main-process API as main.js uses it at start-up; a `--cli` run logs nothing.
const scope = () => ({ info() {}, warn() {}, error() {} });

export default {
  initialize() {},
  transports: { file: { level: 'info', getFile: () => ({ path: '' }) } },
  errorHandler: { startCatching() {} },
  scope,
};
