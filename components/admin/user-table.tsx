"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createUserAction, deleteUserAction, resetUserPasswordAction, setUserAccessAction } from "@/lib/actions/admin";
import { ActionMessage } from "@/components/connector/action-message";
import { ConfirmDelete } from "@/components/configure/confirm-delete";
import { FieldError } from "@/components/ui/field-error";
import type { ActionResult } from "@/lib/errors/action-result";
import type { UserView } from "@/lib/users/manage-users";
import { TableScroll } from "@/components/ui/table-scroll";

type RoleChoice = { id: number; name: string };

function RoleSelect({ id, value, roles, onChange }: { id: string; value: number | null; roles: RoleChoice[]; onChange: (value: number | null) => void }) {
  return (
    <select id={id} value={value ?? ""} onChange={(event) => onChange(event.target.value === "" ? null : Number(event.target.value))} className="rounded border border-slate-300 px-2 py-1">
      <option value="">No role (no BSM access)</option>
      {roles.map((role) => (
        <option key={role.id} value={role.id}>
          {role.name}
        </option>
      ))}
    </select>
  );
}

function UserRow({ user, roles, isSelf }: { user: UserView; roles: RoleChoice[]; isSelf: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [roleId, setRoleId] = useState(user.roleId);
  const [isAdmin, setIsAdmin] = useState(user.isAdmin);
  const [result, setResult] = useState<ActionResult>({ status: "idle" });
  const act = (operation: () => Promise<ActionResult>) =>
    startTransition(async () => {
      const outcome = await operation();
      setResult(outcome);
      if (outcome.status === "ok") router.refresh();
    });
  return (
    <tr className="border-t border-slate-100 align-top" data-testid="user-row">
      <td className="py-2 pr-4">{user.email}</td>
      <td className="py-2 pr-4">{user.name}</td>
      <td className="py-2 pr-4">
        <label className="sr-only" htmlFor={`role-of-${user.id}`}>
          Role of {user.email}
        </label>
        <RoleSelect id={`role-of-${user.id}`} value={roleId} roles={roles} onChange={setRoleId} />
      </td>
      <td className="py-2 pr-4">
        <input type="checkbox" aria-label={`${user.email} is an administrator`} checked={isAdmin} disabled={isSelf} onChange={(event) => setIsAdmin(event.target.checked)} />
      </td>
      <td className="flex items-center gap-2 py-2">
        <button type="button" disabled={pending} onClick={() => act(() => setUserAccessAction(user.id, { roleId, isAdmin }))} className="rounded px-3 py-1 ring-1 ring-slate-300 hover:bg-slate-50">
          Save
        </button>
        {!isSelf && <ConfirmDelete what={user.email} disabled={pending} onConfirm={() => act(() => deleteUserAction(user.id))} />}
        <ActionMessage result={result} />
      </td>
      <td className="py-2">{!isSelf && <PasswordReset user={user} />}</td>
    </tr>
  );
}

/** Sets another user's password; the user's sessions end. One's own password is changed on Account. */
function PasswordReset({ user }: { user: UserView }) {
  const [pending, startTransition] = useTransition();
  const [password, setPassword] = useState("");
  const [result, setResult] = useState<ActionResult>({ status: "idle" });
  const error = result.status === "error" ? (result.fieldErrors?.password ?? result.message) : undefined;
  const reset = () =>
    startTransition(async () => {
      const outcome = await resetUserPasswordAction(user.id, { password });
      setResult(outcome);
      if (outcome.status === "ok") setPassword("");
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`reset-password-${user.id}`}>
        New password for {user.email}
      </label>
      <input
        id={`reset-password-${user.id}`}
        type="password"
        autoComplete="new-password"
        placeholder="New password"
        value={password}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `reset-password-${user.id}-error` : undefined}
        onChange={(event) => setPassword(event.target.value)}
        className="w-36 rounded border border-slate-300 px-2 py-1"
      />
      <button type="button" disabled={pending} onClick={reset} className="rounded px-3 py-1 ring-1 ring-slate-300 hover:bg-slate-50">
        Reset password
      </button>
      <FieldError id={`reset-password-${user.id}-error`} message={error} />
      {result.status === "ok" && <p role="status" className="text-emerald-800">{result.message}</p>}
    </div>
  );
}

function NewUserForm({ roles }: { roles: RoleChoice[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fields, setFields] = useState({ email: "", name: "", password: "" });
  const [roleId, setRoleId] = useState<number | null>(null);
  const [isAdmin, setIsAdmin] = useState(false);
  const [result, setResult] = useState<ActionResult>({ status: "idle" });
  const fieldErrors = result.status === "error" ? (result.fieldErrors ?? {}) : {};
  const create = () =>
    startTransition(async () => {
      const outcome = await createUserAction({ ...fields, roleId, isAdmin });
      setResult(outcome);
      if (outcome.status === "ok") {
        setFields({ email: "", name: "", password: "" });
        router.refresh();
      }
    });
  return (
    <section aria-label="New user" className="mt-4 max-w-3xl space-y-3 rounded-lg bg-white p-4 text-sm shadow-sm">
      <h3 className="font-semibold">New user</h3>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {(["email", "name", "password"] as const).map((key) => (
          <div key={key}>
            <label htmlFor={`new-user-${key}`} className="block font-medium capitalize">
              {key === "email" ? "E-mail" : key}
            </label>
            <input
              id={`new-user-${key}`}
              type={key === "password" ? "password" : key === "email" ? "email" : "text"}
              autoComplete={key === "password" ? "new-password" : "off"}
              value={fields[key]}
              onChange={(event) => setFields({ ...fields, [key]: event.target.value })}
              className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5"
            />
            <FieldError id={`new-user-${key}-error`} message={fieldErrors[key]} />
          </div>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <label htmlFor="new-user-role" className="font-medium">
          Role
        </label>
        <RoleSelect id="new-user-role" value={roleId} roles={roles} onChange={setRoleId} />
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={isAdmin} onChange={(event) => setIsAdmin(event.target.checked)} /> Administrator
        </label>
        <button type="button" disabled={pending} onClick={create} className="rounded bg-slate-900 px-4 py-1.5 font-medium text-white hover:bg-slate-700 disabled:opacity-50">
          Create user
        </button>
      </div>
      <ActionMessage result={result} />
    </section>
  );
}

export function UserTable({ users, roles, currentUserId }: { users: UserView[]; roles: RoleChoice[]; currentUserId: string }) {
  return (
    <>
      <TableScroll>
      <table className="w-full max-w-5xl rounded-lg bg-white text-left text-sm shadow-sm">
        <thead className="text-slate-600">
          <tr>
            <th className="px-0 py-2 pr-4 font-medium">E-mail</th>
            <th className="py-2 pr-4 font-medium">Name</th>
            <th className="py-2 pr-4 font-medium">Role</th>
            <th className="py-2 pr-4 font-medium">Admin</th>
            <th className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
            <th className="py-2 font-medium">Password</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} roles={roles} isSelf={user.id === currentUserId} />
          ))}
        </tbody>
      </table>
      </TableScroll>
      <NewUserForm roles={roles} />
    </>
  );
}
