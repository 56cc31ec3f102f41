/** Builds the site once, from the fixture course, for every browser test. */
import { execFileSync } from 'node:child_process'
import { FIXTURE_COURSE, SITE_DIR, TEST_DIST } from './site-paths.js'

export default function buildSite(): void {
  execFileSync(process.execPath, ['node_modules/astro/astro.js', 'build', '--outDir', TEST_DIST], {
    cwd: SITE_DIR,
    env: { ...process.env, GRADSCHOOL_EXERCISES_DIR: FIXTURE_COURSE, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
