import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startAppServer } from "./app-server";
import { rawSignIn, type RawSignInOutcome } from "./raw-sign-in";
import { E2E_PORT, E2E_SECRET } from "./settings";

// Its own server, configured to trust one proxy (127.0.0.4); other loopback addresses are not proxies.
const DATA_DIR = `./data/e2e-proxies-${E2E_PORT}`;
const ADMIN = { email: "proxies-admin@bsm.local", password: "proxies-admin-password" };

test("behind a trusted proxy each forwarded client is throttled on its own; an untrusted peer's header is ignored", async () => {
  // A server of its own starts first (up to 120 s on a loaded machine).
  test.setTimeout(240_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  const server = await startAppServer("proxies", {
    DATABASE_URL: `pglite:${DATA_DIR}`,
    NEXTAUTH_SECRET: E2E_SECRET,
    BSM_ADMIN_EMAIL: ADMIN.email,
    BSM_ADMIN_PASSWORD: ADMIN.password,
    BSM_TRUSTED_PROXIES: "127.0.0.4",
  });
  const BASE = `http://127.0.0.1:${server.port}`;
  try {
    const viaProxy = (client: string) => ({ localAddress: "127.0.0.4", forwardedFor: `6.6.6.6, ${client}` });
    const outcomes: RawSignInOutcome[] = [];
    for (let attempt = 0; attempt < 12 && !outcomes.includes("throttled"); attempt++) {
      outcomes.push(await rawSignIn(BASE, { email: ADMIN.email, password: `guess-${attempt}` }, viaProxy("203.0.113.1")));
    }
    expect(outcomes).toContain("throttled");
    // The same forged left-most address, but another client as the proxy saw it: not throttled.
    expect(await rawSignIn(BASE, ADMIN, viaProxy("203.0.113.2"))).toBe("signed-in");

    // From a peer that is not a trusted proxy, the forwarded address counts for nothing: the peer is the client.
    const direct: RawSignInOutcome[] = [];
    for (let attempt = 0; attempt < 12 && !direct.includes("throttled"); attempt++) {
      direct.push(await rawSignIn(BASE, { email: ADMIN.email, password: `guess-${attempt}` }, { localAddress: "127.0.0.5", forwardedFor: `198.51.100.${attempt}` }));
    }
    expect(direct).toContain("throttled");
  } finally {
    await server.stop();
  }
});
