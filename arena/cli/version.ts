import pkg from '../../package.json' with { type: 'json' };

/** The arena's version, from package.json (bundled into the built CLI). */
export const PACKAGE_VERSION: string = pkg.version;
