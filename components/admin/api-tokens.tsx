"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDelete } from "@/components/configure/confirm-delete";
import { ActionMessage } from "@/components/connector/action-message";
import { FieldError } from "@/components/ui/field-error";
import { Time } from "@/components/ui/time";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/actions/account";
import { IDLE, resultMessage, type ActionResult } from "@/lib/errors/action-result";
import { TableScroll } from "@/components/ui/table-scroll";
import { API_TOKEN_SCOPES, type ApiTokenScopeName } from "@/lib/auth/token-scopes";

interface TokenRow {
  id: number;
  name: string;
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
  scope: ApiTokenScopeName;
  expiresAt: number | null;
  expired: boolean;
}


export function ApiTokens({ tokens }: { tokens: TokenRow[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<ApiTokenScopeName>("full");
  const [expiresAt, setExpiresAt] = useState("");
  const [created, setCreated] = useState<ActionResult<{ token: string; name: string }>>(IDLE);
  const [revoked, setRevoked] = useState<ActionResult>(IDLE);

  const create = () =>
    startTransition(async () => {
      const result = await createApiTokenAction({ name, scope, expiresAt });
      setCreated(result);
      if (result.status === "ok") {
        setName("");
        setExpiresAt("");
        router.refresh();
      }
    });
  const revoke = (id: number) =>
    startTransition(async () => {
      setRevoked(await revokeApiTokenAction(id));
      router.refresh();
    });

  const fieldErrors = created.status === "error" ? (created.fieldErrors ?? {}) : {};

  return (
    <section aria-label="API tokens" className="max-w-3xl space-y-4 rounded-lg bg-white p-6 text-sm shadow-sm">
      <h2 className="text-lg font-semibold">API tokens</h2>
      <div className="flex flex-wrap items-start gap-3">
        <div>
          <label htmlFor="token-name" className="block font-medium">
            Token name
          </label>
          <input id="token-name" value={name} onChange={(event) => setName(event.target.value)} className="mt-1 w-64 rounded border border-slate-300 px-2 py-1.5" />
          <FieldError message={fieldErrors.name} />
        </div>
        <div>
          <label htmlFor="token-scope" className="block font-medium">
            Scope
          </label>
          <select
            id="token-scope"
            value={scope}
            onChange={(event) => setScope(API_TOKEN_SCOPES.find((known) => known === event.target.value) ?? "full")}
            className="mt-1 rounded border border-slate-300 px-2 py-1.5"
          >
            <option value="full">Full (read and change)</option>
            <option value="read-only">Read-only</option>
            <option value="metrics">Metrics (only /metrics, for Prometheus)</option>
          </select>
          <FieldError message={fieldErrors.scope} />
        </div>
        <div>
          <label htmlFor="token-expires" className="block font-medium">
            Expires (optional)
          </label>
          <input
            id="token-expires"
            type="date"
            value={expiresAt}
            onChange={(event) => setExpiresAt(event.target.value)}
            className="mt-1 rounded border border-slate-300 px-2 py-1.5"
          />
          <FieldError message={fieldErrors.expiresAt} />
        </div>
        <button type="button" onClick={create} disabled={pending} className="mt-6 rounded bg-slate-900 px-4 py-1.5 font-medium text-white hover:bg-slate-700 disabled:opacity-50">
          Create token
        </button>
      </div>
      {created.status === "error" && <p role="alert" className="text-red-700">{resultMessage(created, "The token was not created: check the fields.")}</p>}
      {created.status === "ok" && created.data && (
        <div role="status" className="rounded bg-emerald-50 p-3 text-emerald-900">
          <p>Token “{created.data.name}” created. Copy it now: it is not shown again.</p>
          <code data-testid="new-api-token" className="mt-1 block break-all font-mono">
            {created.data.token}
          </code>
          <p className="mt-1">Send it as <code>Authorization: Bearer &lt;token&gt;</code>.</p>
        </div>
      )}
      <TableScroll>
      <table className="w-full text-left" data-testid="api-token-list">
        <thead className="text-slate-600">
          <tr>
            <th className="py-1 pr-4 font-medium">Name</th>
            <th className="py-1 pr-4 font-medium">Starts with</th>
            <th className="py-1 pr-4 font-medium">Scope</th>
            <th className="py-1 pr-4 font-medium">Created</th>
            <th className="py-1 pr-4 font-medium">Last used</th>
            <th className="py-1 pr-4 font-medium">Expires</th>
            <th className="py-1 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.length === 0 && (
            <tr>
              <td colSpan={7} className="py-2 text-slate-500">
                No tokens.
              </td>
            </tr>
          )}
          {tokens.map((token) => (
            <tr key={token.id} className="border-t border-slate-100" data-testid={`api-token-${token.id}`}>
              <td className="py-1.5 pr-4">{token.name}</td>
              <td className="py-1.5 pr-4 font-mono">{token.prefix}…</td>
              <td className="py-1.5 pr-4">{token.scope}</td>
              <td className="py-1.5 pr-4"><Time at={token.createdAt} /></td>
              <td className="py-1.5 pr-4">{token.lastUsedAt === null ? "never" : <Time at={token.lastUsedAt} />}</td>
              <td className="py-1.5 pr-4">
                {token.expiresAt === null ? "never" : <Time at={token.expiresAt} />}
                {token.expired && <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-900">expired</span>}
              </td>
              <td className="py-1.5">
                <ConfirmDelete what={`token ${token.name}`} onConfirm={() => revoke(token.id)} disabled={pending} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <ActionMessage result={revoked} />
    </section>
  );
}
