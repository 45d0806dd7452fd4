import { checkOutboundHost, resolveWithSystem, type ResolveHost } from "../methods/outbound-target";
import type { OutboundPolicy } from "../outbound-policy";
import type { FieldErrors } from "../../errors/app-error";
import type { StoredMethod } from "./profile-input";

const HOW_TO_ALLOW = "an administrator may allow it under Settings → Outbound targets";

/**
 * Field errors for webhook URLs and SMTP servers the outbound policy refuses, as a literal address
 * or after resolving the name. A name that does not resolve now is accepted: delivery checks again.
 */
export async function checkMethodTargets(methods: readonly StoredMethod[], policy: OutboundPolicy, resolve: ResolveHost = resolveWithSystem): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  await Promise.all(
    methods.map(async (method, index) => {
      if (method.kind === "command") return;
      const host = method.kind === "webhook" ? (URL.canParse(method.url) ? new URL(method.url).hostname : null) : method.host;
      if (host === null) return;
      const target = await checkOutboundHost(policy, host, resolve);
      if (!target.ok && target.refused) {
        errors[`methods.${index}.${method.kind === "webhook" ? "url" : "host"}`] = `Refused by the outbound policy: ${target.reason} (${HOW_TO_ALLOW})`;
      }
    }),
  );
  return errors;
}
