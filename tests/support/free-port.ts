import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { createServer } from "node:net";

/**
 * Ports for the servers tests start. The OS names a free port; another program may take it before
 * the server binds, and a test must then not talk to that program: the server is the one listening
 * when its own process holds the listening socket (read from /proc).
 */

/** A TCP port nothing listens on now: the OS picks it (listen on port 0), and it is closed again. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Processes of a group that still run. Zombies do not count: where PID 1 does not reap orphans
 * (some containers), a killed worker stays a zombie forever although it is gone.
 */
export function liveProcessesInGroup(group: number): number[] {
  const live: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // ended while we looked
    }
    // pid (comm) state ppid pgrp …: comm may contain spaces, so read after the last ")".
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === group && state !== "Z" && state !== "X") live.push(Number(entry));
  }
  return live;
}

/** Inodes of the sockets listening on TCP `port`, on any address (state 0A in /proc/net/tcp and tcp6). */
function listeningSocketInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue; // no IPv6
    }
    for (const line of text.split("\n").slice(1)) {
      // sl local_address rem_address st tx_queue:rx_queue tr:when retrnsmt uid timeout inode …
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10 || fields[3] !== "0A") continue;
      if (Number.parseInt(fields[1].split(":")[1], 16) === port) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/** The inodes of the sockets a process holds open; none when it has ended. */
function socketInodesOf(pid: number): string[] {
  let descriptors: string[];
  try {
    descriptors = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
  const inodes: string[] = [];
  for (const descriptor of descriptors) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${descriptor}`));
      if (match) inodes.push(match[1]);
    } catch {
      // closed while we looked
    }
  }
  return inodes;
}

/**
 * Who listens on TCP `port`: "own" when process `pid`, or a process of the group it leads (a
 * server's children), holds a listening socket there; "other" when only other programs do.
 */
export function listenerOnPort(port: number, pid: number): "own" | "other" | "nobody" {
  const listening = listeningSocketInodes(port);
  if (listening.size === 0) return "nobody";
  const candidates = new Set([pid, ...liveProcessesInGroup(pid)]);
  for (const candidate of candidates) {
    if (socketInodesOf(candidate).some((inode) => listening.has(inode))) return "own";
  }
  return "other";
}

export interface StartedServer<Server> {
  server: Server;
  /** The process that listens, or that leads the process group whose member listens. */
  pid: number;
}

/**
 * Starts a server on a free port and returns it once its own process listens there. When another
 * program took the port first (the start failed, or the one listening is not the server), the
 * server is stopped and started again on another port, three times at most.
 */
export async function startOnFreePort<Server>(
  start: (port: number) => Promise<StartedServer<Server>>,
  stop: (server: Server) => Promise<void> | void,
): Promise<Server> {
  const attempts = 3;
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    let started: StartedServer<Server>;
    try {
      started = await start(port);
    } catch (error) {
      if (attempt < attempts && listeningSocketInodes(port).size > 0) continue;
      throw error;
    }
    const listener = listenerOnPort(port, started.pid);
    if (listener === "own") return started.server;
    await stop(started.server);
    if (attempt === attempts) {
      throw new Error(`the server started on port ${port} does not listen there: ${listener === "other" ? "another program does" : "nothing does"}`);
    }
  }
}
