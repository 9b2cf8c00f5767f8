// A forward proxy on 127.0.0.1, as self-hosted runners sit behind: absolute-URL requests are
// forwarded, CONNECT opens a tunnel. It alone knows the made-up names the tests use (`hosts`), so
// a request for one that arrives anywhere proves it came through here; it never asks DNS. Plain
// HTTP inside a tunnel is read request by request, so the log shows those requests too; TLS
// inside a tunnel is passed through unread.
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http'
import { connect, isIP, type AddressInfo, type Socket } from 'node:net'

export interface ProxiedRequest {
  /** CONNECT, or the method of a forwarded request. */
  method: string
  /** `host:port` for CONNECT; the absolute URL otherwise. */
  target: string
  /** True for a request read inside a CONNECT tunnel. */
  tunnelled: boolean
  proxyAuthorization?: string
}

export interface ForwardProxy {
  /** 'http://127.0.0.1:PORT': the value for HTTP_PROXY / HTTPS_PROXY. */
  url: string
  /** Every request it proxied (or refused), in order. */
  log: ProxiedRequest[]
  close(): Promise<void>
}

export interface ForwardProxyOptions {
  /** Names it resolves, to IP addresses. IP literals need no entry; any other name gets a 502. */
  hosts?: Record<string, string>
}

const TLS_HANDSHAKE = 0x16

export async function startForwardProxy(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const hosts = options.hosts ?? {}
  const log: ProxiedRequest[] = []
  // Where each tunnel leads, for the plain HTTP requests read inside it.
  const tunnels = new WeakMap<Socket, URL>()
  const sockets = new Set<Socket>()
  const resolve = (hostname: string): string | undefined =>
    hosts[hostname] ?? (isIP(hostname) ? hostname : undefined)
  const note = (req: IncomingMessage, target: string, tunnelled: boolean): void => {
    const auth = req.headers['proxy-authorization']
    log.push({
      method: req.method ?? 'GET',
      target,
      tunnelled,
      ...(auth !== undefined && { proxyAuthorization: auth })
    })
  }

  const server = createServer((req, res) => {
    const tunnel = tunnels.get(req.socket)
    const target = tunnel ? new URL(req.url ?? '/', tunnel) : new URL(req.url ?? '/')
    note(req, target.href, tunnel !== undefined)
    const address = resolve(target.hostname)
    if (!address) {
      res.writeHead(502).end(`unknown host ${target.hostname}`)
      return
    }
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    delete headers['proxy-connection']
    const upstream = httpRequest(
      {
        host: address,
        port: target.port || 80,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })

  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? ''
    note(req, target, false)
    const url = new URL(`http://${target}`)
    const address = resolve(url.hostname)
    if (!address) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    const upstream = connect(Number(url.port || 443), address)
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      client.once('data', (first: Buffer) => {
        client.pause()
        const bytes = Buffer.concat([head, first])
        if (bytes[0] === TLS_HANDSHAKE) {
          upstream.write(bytes)
          client.pipe(upstream).pipe(client)
          client.resume()
          return
        }
        // Plain HTTP: read it here, one request at a time, and forward each to the target.
        upstream.destroy()
        tunnels.set(client, url)
        client.unshift(bytes)
        server.emit('connection', client)
        client.resume()
      })
    })
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    close: () =>
      new Promise<void>(done => {
        server.close(() => done())
        for (const socket of sockets) socket.destroy()
      })
  }
}
