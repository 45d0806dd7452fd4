import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { findFreePort, listenerOnPort, startOnFreePort } from "./free-port";

const servers: Server[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function listenHere(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      servers.push(server);
      resolve(server);
    });
  });
}

/** Another program: a node process listening on `port` until it is killed. */
async function listenInAnotherProcess(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["-e", `require("node:net").createServer().listen(${port}, "127.0.0.1", () => console.log("up"))`], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`listener exited with ${code}`)));
  });
  return child;
}

describe("listenerOnPort", () => {
  it("tells the process that listens from another program and from nobody", async () => {
    const port = await findFreePort();
    expect(listenerOnPort(port, process.pid)).toBe("nobody");
    await listenHere(port);
    expect(listenerOnPort(port, process.pid)).toBe("own");

    const elsewhere = await findFreePort();
    const other = await listenInAnotherProcess(elsewhere);
    expect(listenerOnPort(elsewhere, process.pid)).toBe("other");
    expect(listenerOnPort(elsewhere, other.pid ?? -1)).toBe("own");
  }, 30_000);
});

describe("startOnFreePort", () => {
  it("returns the server whose own process listens on the port", async () => {
    const server = await startOnFreePort(async (port) => ({ server: await listenHere(port), pid: process.pid }), () => undefined);
    const address = server.address();
    expect(typeof address === "object" && address ? listenerOnPort(address.port, process.pid) : "no address").toBe("own");
  });

  it("stops a server that answers on a port another program holds and tries another port", async () => {
    const attempts: number[] = [];
    const stopped: number[] = [];
    const port = await startOnFreePort(
      async (candidate) => {
        attempts.push(candidate);
        if (attempts.length === 1) {
          // Another program got the port first; the "server" we started is not the one listening.
          await listenInAnotherProcess(candidate);
          return { server: candidate, pid: process.pid };
        }
        await listenHere(candidate);
        return { server: candidate, pid: process.pid };
      },
      (candidate) => void stopped.push(candidate),
    );
    expect(attempts).toHaveLength(2);
    expect(stopped).toEqual([attempts[0]]);
    expect(port).toBe(attempts[1]);
    expect(listenerOnPort(port, process.pid)).toBe("own");
  }, 30_000);

  it("gives up after three ports that are never the server's own", async () => {
    let attempts = 0;
    await expect(
      startOnFreePort(
        async (candidate) => {
          attempts += 1;
          return { server: candidate, pid: process.pid }; // nothing listens: the server never bound
        },
        () => undefined,
      ),
    ).rejects.toThrow(/does not listen there: nothing does/);
    expect(attempts).toBe(3);
  });
});
