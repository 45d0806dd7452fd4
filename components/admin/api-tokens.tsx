"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createApiTokenAction, revokeApiTokenAction, type CreateTokenResult } from "@/app/(dashboard)/account/actions";
import { ConfirmDelete } from "@/components/configure/confirm-delete";

interface TokenRow {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString("en-GB", { timeZone: "UTC" }) + " UTC" : "never");

export function ApiTokens({ tokens }: { tokens: TokenRow[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<CreateTokenResult>({ status: "idle" });
  const [message, setMessage] = useState<string | null>(null);

  const create = () =>
    startTransition(async () => {
      const result = await createApiTokenAction(name);
      setCreated(result);
      if (result.status === "ok") {
        setName("");
        router.refresh();
      }
    });
  const revoke = (id: number) =>
    startTransition(async () => {
      const result = await revokeApiTokenAction(id);
      setMessage(result.message);
      router.refresh();
    });

  return (
    <section aria-label="API tokens" className="max-w-3xl space-y-4 rounded-lg bg-white p-6 text-sm shadow-sm">
      <h2 className="text-lg font-semibold">API tokens</h2>
      <div className="flex items-end gap-3">
        <div>
          <label htmlFor="token-name" className="block font-medium">
            Token name
          </label>
          <input id="token-name" value={name} onChange={(event) => setName(event.target.value)} className="mt-1 w-64 rounded border border-slate-300 px-2 py-1.5" />
        </div>
        <button type="button" onClick={create} disabled={pending} className="rounded bg-slate-900 px-4 py-1.5 font-medium text-white hover:bg-slate-700 disabled:opacity-50">
          Create token
        </button>
      </div>
      {created.status === "error" && <p role="alert" className="text-red-700">{created.message}</p>}
      {created.status === "ok" && (
        <div role="status" className="rounded bg-emerald-50 p-3 text-emerald-900">
          <p>Token “{created.name}” created. Copy it now: it is not shown again.</p>
          <code data-testid="new-api-token" className="mt-1 block break-all font-mono">
            {created.token}
          </code>
          <p className="mt-1">Send it as <code>Authorization: Bearer &lt;token&gt;</code>.</p>
        </div>
      )}
      <table className="w-full text-left" data-testid="api-token-list">
        <thead className="text-slate-600">
          <tr>
            <th className="py-1 pr-4 font-medium">Name</th>
            <th className="py-1 pr-4 font-medium">Starts with</th>
            <th className="py-1 pr-4 font-medium">Created</th>
            <th className="py-1 pr-4 font-medium">Last used</th>
            <th className="py-1 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.length === 0 && (
            <tr>
              <td colSpan={5} className="py-2 text-slate-500">
                No tokens.
              </td>
            </tr>
          )}
          {tokens.map((token) => (
            <tr key={token.id} className="border-t border-slate-100">
              <td className="py-1.5 pr-4">{token.name}</td>
              <td className="py-1.5 pr-4 font-mono">{token.prefix}…</td>
              <td className="py-1.5 pr-4">{when(token.createdAt)}</td>
              <td className="py-1.5 pr-4">{when(token.lastUsedAt)}</td>
              <td className="py-1.5">
                <ConfirmDelete what={`token ${token.name}`} onConfirm={() => revoke(token.id)} disabled={pending} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
