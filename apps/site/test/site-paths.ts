/** Where the tests build the site from (a fixture course) and where it goes. */
import { fileURLToPath } from 'node:url'

export const SITE_DIR = fileURLToPath(new URL('..', import.meta.url))
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url))
/** A copy of one lesson with a challenge of every kind, so tests do not move with the course. */
export const FIXTURE_ROOT = fileURLToPath(new URL('./fixtures', import.meta.url))
export const FIXTURE_COURSE = fileURLToPath(new URL('./fixtures/course', import.meta.url))
/** `SITE_TEST_DIST` gives a run its own build, so two test runs in one checkout do not clash. */
export const TEST_DIST =
  process.env.SITE_TEST_DIST ??
  fileURLToPath(new URL('../node_modules/.cache/site-test-dist', import.meta.url))
