/** The labels feature's public face. */
export { createLabelsModule } from './labels.module.ts';
