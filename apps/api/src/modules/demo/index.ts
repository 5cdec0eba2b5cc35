/** The demo feature's public face: the demo workspace `serve` and `taskflow seed` make. */
export { type DemoSeed, seedDemo, seedDemoWorkspace } from './demo-seed.ts';
