/**
 * Debian's Chromium driven by playwright-core. A missing browser fails the test run (never a
 * skip): install it with `apt-get install chromium`.
 */
import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'
import { type StaticServer, serveStatic } from '../scripts/static-server.mjs'
import { TEST_DIST } from './site-paths.js'

export const CHROMIUM = '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium).`)
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS })
}

export function serveBuiltSite(): Promise<StaticServer> {
  return serveStatic(TEST_DIST)
}
