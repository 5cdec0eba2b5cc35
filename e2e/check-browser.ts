import { existsSync } from 'node:fs';

// No browser can be downloaded here: Playwright drives the system's Chromium, so fail early and
// clearly when it is missing instead of with Playwright's long "executable doesn't exist" error.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromiumPath)) {
  console.error(
    `Chromium not found at ${chromiumPath} — install it with: apt-get install -y chromium (or set CHROMIUM_PATH)`,
  );
  process.exit(1);
}
