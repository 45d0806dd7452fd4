import type { SourceCommand } from "../types";

/** One request to POST /v1/actions/<action>; `optional` when no matching object is fine (nothing to remove). */
export interface IcingaActionRequest {
  action: "acknowledge-problem" | "remove-acknowledgement" | "schedule-downtime" | "remove-downtime";
  body: Record<string, unknown>;
  /** What the request is about, for messages: "web1" or "HTTP on web1". */
  about: string;
  optional?: boolean;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

function serviceFilter(host: string, check: string | undefined, extra = ""): Record<string, unknown> {
  if (check === undefined) return { type: "Service", filter: `host.name == bsm_host${extra}`, filter_vars: { bsm_host: host } };
  return { type: "Service", filter: `host.name == bsm_host && service.name == bsm_service${extra}`, filter_vars: { bsm_host: host, bsm_service: check } };
}

const hostFilter = (host: string) => ({ type: "Host", filter: "host.name == bsm_host", filter_vars: { bsm_host: host } });

/**
 * The Icinga 2 API requests for a command, one target at a time (names travel in filter_vars, never
 * in the filter text). A host target: acknowledge its failing services; downtime the host with all
 * its services; remove either from the host and all its services.
 */
export function icingaActionRequests(command: SourceCommand): IcingaActionRequest[] {
  return command.targets.flatMap((target): IcingaActionRequest[] => {
    const about = target.check === undefined ? target.host : `${target.check} on ${target.host}`;
    switch (command.kind) {
      case "acknowledge":
        return [
          {
            action: "acknowledge-problem",
            about,
            body: {
              ...serviceFilter(target.host, target.check, target.check === undefined ? " && service.state != 0" : ""),
              author: command.author,
              comment: command.comment,
              sticky: command.sticky,
              notify: false,
              ...(command.expiresAt !== null ? { expiry: seconds(command.expiresAt) } : {}),
            },
          },
        ];
      case "remove-acknowledgement":
        return [{ action: "remove-acknowledgement", about, body: serviceFilter(target.host, target.check) }];
      case "downtime": {
        const times = { author: command.author, comment: command.comment, start_time: seconds(command.startAt ?? Date.now()), end_time: seconds(command.endAt ?? Date.now()), fixed: true };
        if (target.check !== undefined) return [{ action: "schedule-downtime", about, body: { ...serviceFilter(target.host, target.check), ...times } }];
        return [{ action: "schedule-downtime", about, body: { ...hostFilter(target.host), ...times, all_services: true } }];
      }
      case "remove-downtime":
        if (target.check !== undefined) return [{ action: "remove-downtime", about, body: serviceFilter(target.host, target.check) }];
        return [
          { action: "remove-downtime", about, body: hostFilter(target.host), optional: true },
          { action: "remove-downtime", about, body: serviceFilter(target.host, undefined) },
        ];
    }
  });
}

/** Icinga's answer to an action: HTTP status and either `results` (one per object) or `error`/`status`. */
export interface IcingaActionAnswer {
  status: number;
  text: string;
}

/**
 * What the answer says: ok with the objects' statuses, or the refusal in Icinga's words
 * ("No objects found." for a filter matching nothing, or the failing objects' statuses).
 */
export function readIcingaActionAnswer(answer: IcingaActionAnswer): { ok: true; count: number } | { ok: false; message: string; noObjects: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.text);
  } catch {
    parsed = null;
  }
  const record = typeof parsed === "object" && parsed !== null ? (parsed as { results?: unknown; status?: unknown; error?: unknown }) : {};
  const results = Array.isArray(record.results) ? (record.results as { code?: unknown; status?: unknown }[]) : [];
  const failures = results.filter((result) => typeof result.code === "number" && result.code >= 300);
  if (answer.status >= 200 && answer.status < 300 && failures.length === 0) return { ok: true, count: results.length };
  const words = failures.length > 0 ? [...new Set(failures.map((result) => String(result.status ?? `code ${String(result.code)}`)))].join("; ") : typeof record.status === "string" ? record.status : answer.text.slice(0, 200) || `HTTP ${answer.status}`;
  return { ok: false, message: words, noObjects: answer.status === 404 };
}
