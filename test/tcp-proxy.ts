import net from 'node:net';

/**
 * A TCP proxy in front of a server (PostgreSQL in the outage tests) that a test can break the
 * way networks and databases break:
 * - `cut()`: the port refuses new connections and every open connection is reset (RST) —
 *   a stopped or crashed database;
 * - `freeze()`: connections are still accepted, but nothing is forwarded either way — a hung
 *   database, a full disk, a network that drops packets without telling anyone;
 * - `restore()`: forwarding resumes (frozen connections carry on where they stopped).
 */
export interface TcpProxy {
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's. */
  via(url: string): string;
  cut(): Promise<void>;
  freeze(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  upstream?: net.Socket;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let frozen = false;
  let port = 0;

  const link = (pair: Pair) => {
    const upstream = net.connect(target.port, target.host);
    pair.upstream = upstream;
    upstream.on('error', () => pair.client.destroy());
    pair.client.on('error', () => upstream.destroy());
    upstream.on('close', () => pair.client.destroy());
    pair.client.on('close', () => {
      upstream.destroy();
      pairs.delete(pair);
    });
    pair.client.pipe(upstream);
    upstream.pipe(pair.client);
  };
  const hold = (socket: net.Socket) => {
    socket.unpipe();
    socket.pause();
  };

  const server = net.createServer((client) => {
    const pair: Pair = { client };
    pairs.add(pair);
    client.on('error', () => undefined);
    client.on('close', () => pairs.delete(pair));
    if (frozen)
      client.pause(); // accepted, never answered until restore()
    else link(pair);
  });
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  /** Stops listening and ends every connection: with a reset (RST) like a crashed host, or politely. */
  const drop = async (how: 'resetAndDestroy' | 'destroy') => {
    frozen = false;
    const closed = stopListening();
    for (const pair of pairs) {
      pair.client[how]();
      pair.upstream?.[how]();
    }
    pairs.clear();
    await closed;
  };
  await listen();

  return {
    get port() {
      return port;
    },
    via: (url) => {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    cut: () => drop('resetAndDestroy'),
    freeze: () => {
      frozen = true;
      for (const pair of pairs) {
        hold(pair.client);
        if (pair.upstream) hold(pair.upstream);
      }
    },
    restore: async () => {
      frozen = false;
      for (const pair of pairs) {
        if (!pair.upstream) {
          link(pair);
          pair.client.resume();
        } else {
          pair.client.pipe(pair.upstream);
          pair.upstream.pipe(pair.client);
          pair.client.resume();
          pair.upstream.resume();
        }
      }
      if (!server.listening) await listen();
    },
    close: () => drop('destroy'),
  };
}
