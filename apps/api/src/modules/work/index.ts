/** The "My work" feature's public face. */
export { createWorkModule } from './work.module.ts';
