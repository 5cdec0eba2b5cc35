import { config } from 'zod/v4/core';

/**
 * zod compiles object parsers with `new Function` unless told not to, and probes for it when the
 * first object schema is made: under the app's CSP (no `unsafe-eval`) that probe is a reported
 * violation on every page load. Imported first by main.tsx, before any schema exists. Only the
 * setting comes from zod's core here: the schemas themselves load with the pages that use them.
 */
config({ jitless: true });
