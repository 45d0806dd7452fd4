import type { Random } from "./random";

/** Plugin output texts in the style of the usual Nagios/Opsview plugins. */
interface OutputTexts {
  ok(random: Random): string;
  warning(random: Random): string;
  critical(random: Random): string;
}

const seconds = (random: Random, min: number, max: number) => random.between(min, max).toFixed(3);
const queueName = (random: Random) => random.pick(["orders", "payments", "emails", "invoices", "events"]);
const certificateName = (random: Random) => random.pick(["shop.example.com", "api.example.com", "portal.example.com", "www.example.com"]);

const TEXTS: Readonly<Record<string, OutputTexts>> = {
  CPU: {
    ok: (r) => `OK - load average: ${loads(r, 0.1, 1.5)}`,
    warning: (r) => `WARNING - load average: ${loads(r, 6, 9)}`,
    critical: (r) => `CRITICAL - load average: ${loads(r, 15, 30)}`,
  },
  Memory: {
    ok: (r) => memory("OK", r.int(25, 70)),
    warning: (r) => memory("WARNING", r.int(86, 93)),
    critical: (r) => memory("CRITICAL", r.int(96, 99)),
  },
  Disk: {
    ok: (r) => disk("OK", r.int(35, 80), r),
    warning: (r) => disk("WARNING", r.int(6, 9), r),
    critical: (r) => disk("CRITICAL", r.int(1, 3), r),
  },
  SSH: {
    ok: () => "SSH OK - OpenSSH_9.2p1 Debian-2+deb12u3 (protocol 2.0)",
    warning: (r) => `SSH WARNING - response time ${seconds(r, 4, 9)} seconds`,
    critical: () => "CRITICAL - Socket timeout after 10 seconds",
  },
  HTTP: {
    ok: (r) => `HTTP OK: HTTP/1.1 200 OK - ${r.int(2000, 48000)} bytes in ${seconds(r, 0.004, 0.09)} second response time`,
    warning: (r) => `HTTP WARNING: HTTP/1.1 404 Not Found - ${r.int(200, 900)} bytes in ${seconds(r, 0.004, 0.05)} second response time`,
    critical: (r) =>
      r.pick([
        `HTTP CRITICAL: HTTP/1.1 503 Service Unavailable - ${seconds(r, 0.002, 0.03)} second response time`,
        `HTTP CRITICAL: HTTP/1.1 500 Internal Server Error - ${seconds(r, 0.01, 0.2)} second response time`,
        "CRITICAL - Socket timeout after 10 seconds",
      ]),
  },
  "HTTPS certificate": {
    ok: (r) => `SSL OK - Certificate '${certificateName(r)}' will expire in ${r.int(40, 360)} days.`,
    warning: (r) => `SSL WARNING - Certificate '${certificateName(r)}' will expire in ${r.int(5, 20)} days.`,
    critical: (r) => r.pick([`SSL CRITICAL - Certificate '${certificateName(r)}' expired.`, "CRITICAL - Cannot make SSL connection."]),
  },
  "Response time": {
    ok: (r) => `OK - ${r.int(4, 90)} ms`,
    warning: (r) => `WARNING - ${r.int(600, 1500)} ms`,
    critical: (r) => `CRITICAL - ${r.int(2500, 9800)} ms`,
  },
  "MySQL connections": {
    ok: (r) => `OK - ${r.int(12, 180)} of 500 connections in use`,
    warning: (r) => `WARNING - ${r.int(400, 470)} of 500 connections in use`,
    critical: (r) =>
      r.pick([`CRITICAL - ${r.int(490, 500)} of 500 connections in use`, "CRITICAL - Can't connect to MySQL server (111 \"Connection refused\")"]),
  },
  "Replication lag": {
    ok: (r) => `OK - replica is ${r.int(0, 2)} seconds behind the source`,
    warning: (r) => `WARNING - replica is ${r.int(60, 280)} seconds behind the source`,
    critical: (r) => r.pick([`CRITICAL - replica is ${r.int(600, 3600)} seconds behind the source`, "CRITICAL - replica SQL thread is not running"]),
  },
  "Slow queries": {
    ok: (r) => `OK - ${r.between(0, 0.8).toFixed(1)} slow queries per second`,
    warning: (r) => `WARNING - ${r.between(3, 8).toFixed(1)} slow queries per second`,
    critical: (r) => `CRITICAL - ${r.between(15, 60).toFixed(1)} slow queries per second`,
  },
  "HAProxy backends": {
    ok: (r) => {
      const total = r.int(4, 24);
      return `HAPROXY OK - ${total} of ${total} backends UP`;
    },
    warning: (r) => {
      const total = r.int(6, 24);
      return `HAPROXY WARNING - 1 of ${total} backends DOWN`;
    },
    critical: (r) => {
      const total = r.int(4, 24);
      return `HAPROXY CRITICAL - ${r.int(Math.ceil(total / 2), total)} of ${total} backends DOWN`;
    },
  },
  "VIP reachable": {
    ok: (r) => `PING OK - Packet loss = 0%, RTA = ${r.between(0.2, 1.5).toFixed(2)} ms`,
    warning: (r) => `PING WARNING - Packet loss = ${r.int(10, 40)}%, RTA = ${r.between(40, 180).toFixed(2)} ms`,
    critical: () => "PING CRITICAL - Packet loss = 100%",
  },
  "Redis ping": {
    ok: (r) => `OK - PONG in ${r.between(0.1, 0.9).toFixed(1)} ms`,
    warning: (r) => `WARNING - PONG in ${r.int(50, 400)} ms`,
    critical: () => "CRITICAL - Connection refused",
  },
  "Memory fragmentation": {
    ok: (r) => `OK - fragmentation ratio ${r.between(1.0, 1.3).toFixed(2)}`,
    warning: (r) => `WARNING - fragmentation ratio ${r.between(1.5, 1.9).toFixed(2)}`,
    critical: (r) => `CRITICAL - fragmentation ratio ${r.between(2.2, 3.5).toFixed(2)}`,
  },
  "RabbitMQ queues": {
    ok: (r) => `RABBITMQ_QUEUES OK - ${r.int(0, 2500)} messages, no queue over threshold`,
    warning: (r) => `RABBITMQ_QUEUES WARNING - queue '${queueName(r)}' has ${r.int(10000, 30000)} messages`,
    critical: (r) => `RABBITMQ_QUEUES CRITICAL - queue '${queueName(r)}' has ${r.int(50000, 250000)} messages`,
  },
  Consumers: {
    ok: (r) => `OK - ${r.int(4, 32)} consumers on ${r.int(3, 8)} queues`,
    warning: (r) => `WARNING - 1 consumer on queue '${queueName(r)}'`,
    critical: (r) => `CRITICAL - 0 consumers on queue '${queueName(r)}'`,
  },
};

function loads(random: Random, min: number, max: number): string {
  const first = random.between(min, max);
  return [first, first * random.between(0.8, 1), first * random.between(0.6, 0.9)].map((value) => value.toFixed(2)).join(", ");
}

function memory(label: string, percentUsed: number): string {
  const totalGb = 16;
  return `${label} - ${percentUsed}% used (${((totalGb * percentUsed) / 100).toFixed(1)} GB of ${totalGb} GB)`;
}

function disk(label: string, percentFree: number, random: Random): string {
  const totalMb = 51200;
  const freeMb = Math.round((totalMb * percentFree) / 100);
  return `DISK ${label} - free space: / ${freeMb} MB (${percentFree}% inode=${random.int(70, 99)}%)`;
}

function textsOf(check: string): OutputTexts {
  const texts = TEXTS[check];
  if (!texts) throw new RangeError(`no output texts for check ${check}`);
  return texts;
}

export const okOutput = (check: string, random: Random): string => textsOf(check).ok(random);
export const warningOutput = (check: string, random: Random): string => textsOf(check).warning(random);
export const criticalOutput = (check: string, random: Random): string => textsOf(check).critical(random);

export function unknownOutput(random: Random): string {
  return random.pick(["UNKNOWN - Plugin timed out after 30 seconds", "UNKNOWN - NRPE: Unable to read output", "UNKNOWN - No data received from agent"]);
}

/** What every check of a host says while the host itself is unreachable. */
export function hostDownOutput(address: string): string {
  return `CRITICAL - connect to address ${address}: No route to host`;
}
