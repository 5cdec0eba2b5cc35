#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// Before anything is loaded: V8 would otherwise start allocating request-path objects straight
// into the old generation, and every request would pay for it in full collections
// (docs/decisions/0018-no-allocation-site-pretenuring.md).
setFlagsFromString('--no-allocation-site-pretenuring');
const { createProgram } = await import('./program.ts');

await createProgram().parseAsync(process.argv);
