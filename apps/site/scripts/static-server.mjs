/**
 * A tiny static file server for the built site (tests and measurements): serves dist/ on a free
 * localhost port, maps `/path/` to `/path/index.html`, and never leaves the folder.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
}

async function fileFor(root, urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/')
  const candidate = resolve(root, `.${normalize(decoded)}`)
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined
  try {
    const info = await stat(candidate)
    if (info.isDirectory()) return fileFor(root, join(decoded, 'index.html'))
    return candidate
  } catch {
    return undefined
  }
}

/** Starts serving `dir`; resolves to its base URL and a close function. */
export function serveStatic(dir, port = 0) {
  const root = resolve(dir)
  const server = createServer(async (request, response) => {
    const file = await fileFor(root, request.url ?? '/')
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
      return
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    })
    createReadStream(file).pipe(response)
  })
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      const address = server.address()
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`
      resolvePromise({ url, close: () => new Promise((done) => server.close(() => done(undefined))) })
    })
  })
}
