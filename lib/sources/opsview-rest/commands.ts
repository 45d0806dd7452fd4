import type { SourceCommand } from "../types";

/** One request to Opsview's REST acknowledge or downtime resource. */
export interface OpsviewCommandRequest {
  method: "POST" | "DELETE";
  /** Path and query from /rest, such as "/rest/acknowledge?svc.hostname=web1&svc.servicename=HTTP". */
  path: string;
  body?: Record<string, unknown>;
  about: string;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/** Opsview's object selection matches % as a wildcard in names; a name with one would match others, so it is refused. */
export function opsviewNameProblem(command: SourceCommand): string | null {
  const wild = command.targets.find((target) => target.host.includes("%") || target.check?.includes("%"));
  return wild ? `Opsview's REST API treats % in a name as a wildcard: ${wild.check ?? wild.host} cannot be chosen exactly` : null;
}

/** Opsview strips <>; and newlines from comments: the user's words, then who asked (Opsview records only its own REST user as author). */
export function opsviewComment(command: SourceCommand): string {
  return `${command.comment} (by ${command.author} through BSM Dashboard)`.replace(/[<>;\n\r]+/g, " ").trim();
}

/**
 * The requests for a command, one target at a time, as Opsview documents its REST API: a check is
 * chosen by svc.hostname and svc.servicename; a whole host by svc.hostname (acknowledge: Opsview
 * acknowledges the services in a problem state) or, for downtime, hst.hostname (the host and its
 * services). Removal is DELETE on the same resource with the same selection (URL parameters only).
 */
export function opsviewCommandRequests(command: SourceCommand): OpsviewCommandRequest[] {
  return command.targets.map((target) => {
    const about = target.check === undefined ? target.host : `${target.check} on ${target.host}`;
    const services = new URLSearchParams({ "svc.hostname": target.host, ...(target.check === undefined ? {} : { "svc.servicename": target.check }) }).toString();
    const objects = target.check === undefined && (command.kind === "downtime" || command.kind === "remove-downtime") ? new URLSearchParams({ "hst.hostname": target.host }).toString() : services;
    switch (command.kind) {
      case "acknowledge":
        return { method: "POST", path: `/rest/acknowledge?${objects}`, body: { comment: opsviewComment(command), notify: "0", sticky: command.sticky ? "1" : "0" }, about };
      case "remove-acknowledgement":
        return { method: "DELETE", path: `/rest/acknowledge?${objects}`, about };
      case "downtime":
        return {
          method: "POST",
          path: `/rest/downtime?${objects}`,
          body: { starttime: String(seconds(command.startAt ?? Date.now())), endtime: String(seconds(command.endAt ?? Date.now())), comment: opsviewComment(command) },
          about,
        };
      case "remove-downtime":
        return { method: "DELETE", path: `/rest/downtime?${objects}`, about };
    }
  });
}

/** Opsview's answer: `{ summary: { num_hosts, num_services } }` on success, `{ message, detail }` otherwise. */
export function readOpsviewAnswer(answer: { status: number; text: string }): { ok: true; hosts: number; services: number } | { ok: false; message: string } {
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    body = null;
  }
  const record = typeof body === "object" && body !== null ? (body as { summary?: { num_hosts?: unknown; num_services?: unknown }; message?: unknown; detail?: unknown }) : {};
  if (answer.status >= 200 && answer.status < 300 && record.message === undefined) {
    return { ok: true, hosts: Number(record.summary?.num_hosts ?? 0) || 0, services: Number(record.summary?.num_services ?? 0) || 0 };
  }
  const message = typeof record.message === "string" ? record.message : `HTTP ${answer.status}`;
  const detail = typeof record.detail === "string" && record.detail !== "" ? ` (${record.detail})` : "";
  return { ok: false, message: `${message}${detail}`.slice(0, 300) };
}
