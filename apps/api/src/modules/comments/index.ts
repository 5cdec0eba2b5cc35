/** The comments feature's public face. */
export { createCommentsModule } from './comments.module.ts';
