export interface StaticServer {
  url: string
  close(): Promise<void>
}
export function serveStatic(dir: string, port?: number): Promise<StaticServer>
