#!/usr/bin/env node
// The production HTTP server (`npm start` runs it): Next.js's request handler behind a plain Node
// server that records each request's socket peer in x-bsm-client-address, replacing any value a
// client sent. Sign-in throttling counts against that address (lib/auth/client-address.ts), and
// believes X-Forwarded-For only when the peer is one of BSM_TRUSTED_PROXIES. `next start` cannot
// do this: it keeps a client-supplied X-Forwarded-For.
import { createServer } from "node:http";
import path from "node:path";
import next from "next";

const CLIENT_ADDRESS_HEADER = "x-bsm-client-address";
const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);

const app = next({ dev: false, dir: root, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  request.headers[CLIENT_ADDRESS_HEADER] = request.socket.remoteAddress ?? "unknown-client";
  handle(request, response);
});
server.listen(port, () => console.log(`Listening on port ${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
