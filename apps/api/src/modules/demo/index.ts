/** The demo feature's public face: the demo workspace `serve` and `taskflow seed` make. */
export {
  DEMO_WORKSPACE,
  type DemoSeed,
  type DemoSeedOptions,
  seedDemo,
  seedDemoWorkspace,
} from './demo-seed.ts';
