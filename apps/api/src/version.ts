import pkg from '../package.json' with { type: 'json' };

/** This release of TaskFlow (the API package's version). */
export const version = pkg.version;
