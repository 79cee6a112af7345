import pkg from '../../package.json' with { type: 'json' };

/** The arena's version, from package.json. */
export const PACKAGE_VERSION: string = pkg.version;
