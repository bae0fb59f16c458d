import packageJson from '../../package.json' with { type: 'json' };

/** The version every snapshot records as its creator and last writer. */
export const APP_VERSION: string = packageJson.version;
