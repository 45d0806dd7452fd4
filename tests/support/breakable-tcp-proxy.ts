import { createConnection, createServer, type Socket } from "node:net";

export interface BreakableTcpProxy {
  port: number;
  /** Drops every open connection and refuses new ones until mend(): a network outage for whoever connects through it. */
  cut(): void;
  mend(): void;
  close(): Promise<void>;
}

/** A TCP proxy on 127.0.0.1 to a local port, passing TLS through untouched, that a test can cut. */
export async function startBreakableTcpProxy(targetPort: number): Promise<BreakableTcpProxy> {
  const sockets = new Set<Socket>();
  let broken = false;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (broken) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: "127.0.0.1", port: targetPort });
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("the proxy has no port");
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    port: address.port,
    cut() {
      broken = true;
      dropAll();
    },
    mend() {
      broken = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        dropAll();
        server.close(() => resolve());
      }),
  };
}
