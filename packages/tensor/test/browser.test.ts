/**
 * The wasm backend in a real browser (Debian's Chromium): a browser bundle of the package loads
 * the kernels on the main thread, agrees with the TypeScript kernels, and on a
 * cross-origin isolated page splits products across Web Workers sharing its memory.
 */
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { build } from 'esbuild'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const CHROMIUM = '/usr/bin/chromium'
const root = join(import.meta.dirname, '..')

let browser: Browser
let server: Server
let origin: string

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium).`)
  }
  const bundle = await build({
    stdin: {
      contents: `export * from './src/index.ts'\nexport { kernels } from './src/backend/backend.ts'`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  })
  const code = bundle.outputFiles[0]!.text
  const page = `<!doctype html><title>tensor</title><script type="module">
    import * as gs from '/tensor.js'
    window.gs = gs
    window.loaded = true
  </script>`
  server = createServer((request, response) => {
    const isolated = request.url?.startsWith('/isolated/')
    const headers: Record<string, string> = isolated
      ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
      : {}
    if (request.url?.endsWith('/tensor.js')) {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(code)
    } else response.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end(page)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
})

/** Runs in the page: the largest |wasm − js| over a product and a softmax, relative to scale. */
const AGREEMENT = `(async () => {
  const gs = window.gs
  gs.manualSeed(3)
  const a = gs.randn(70, 90), b = gs.randn(90, 50)
  const run = (name) => { gs.setBackend(name); return [a.matmul(b).data, a.matmul(b).softmax(1).data] }
  const js = run('js'), wasm = run('wasm')
  let worst = 0
  js.forEach((values, t) => values.forEach((v, i) => { worst = Math.max(worst, Math.abs(v - wasm[t][i]) / (1 + Math.abs(v))) }))
  return worst
})()`

describe('the wasm backend in Chromium', () => {
  it('a plain page: wasm is the default, on one thread, agreeing with js', async () => {
    const page = await browser.newPage()
    await page.goto(`${origin}/plain/`)
    await page.waitForFunction('window.loaded === true')
    expect(await page.evaluate('window.gs.getBackend()')).toBe('wasm')
    expect(await page.evaluate('window.gs.ready()')).toBe('wasm')
    expect(await page.evaluate('crossOriginIsolated')).toBe(false)
    expect(await page.evaluate('window.gs.getNumThreads()')).toBe(1)
    expect(await page.evaluate(AGREEMENT)).toBeLessThan(1e-5)
    await page.close()
  })

  it('a cross-origin isolated page: products split across a Web Worker, still agreeing with js', async () => {
    const page = await browser.newPage()
    await page.goto(`${origin}/isolated/`)
    await page.waitForFunction('window.loaded === true')
    expect(await page.evaluate('crossOriginIsolated')).toBe(true)
    expect(await page.evaluate('window.gs.ready()')).toBe('wasm')
    await page.evaluate(`window.gs.setNumThreads(2)`)
    expect(await page.evaluate('window.gs.getNumThreads()')).toBe(2)
    // Every product goes through the pool; wait until the worker has started and takes work.
    await page.evaluate(`window.gs.setWasmCutoffs({ parallel: 0 })`)
    await page.waitForFunction('window.gs.kernels().readyThreads() === 2', undefined, { timeout: 20_000 })
    expect(await page.evaluate(AGREEMENT)).toBeLessThan(1e-5)
    await page.close()
  })
})
