import type { Metadata } from "next";
import Link from "next/link";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { listUsers } from "@/lib/users/manage-users";
import { listKnownServiceGroups, listRoles } from "@/lib/users/roles";
import { PageHeader } from "@/components/ui/page-header";
import { RoleForm } from "@/components/admin/role-form";
import { UserTable } from "@/components/admin/user-table";

export const metadata: Metadata = { title: "Users and roles" };

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ role?: string }> }) {
  const { user } = await requirePageCapability("administer");
  const title = <PageHeader title="Users and roles">Who may sign in, and what each role may see and configure.</PageHeader>;
  const prisma = getPrisma();
  const [roles, users, services, knownServiceGroups] = await Promise.all([
    listRoles(prisma),
    listUsers(prisma),
    prisma.businessService.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    listKnownServiceGroups(prisma),
  ]);
  const { role: roleParam } = await searchParams;
  const selectedRole = roles.find((role) => String(role.id) === roleParam) ?? null;
  return (
    <>
      {title}
      <h2 className="mb-3 text-lg font-semibold">Roles</h2>
      <div className="grid grid-cols-[16rem_1fr] gap-6">
        <aside aria-label="Roles" className="rounded-lg bg-white p-3 shadow-sm">
          <Link href="/admin" className="mb-2 block rounded bg-slate-900 px-3 py-1.5 text-center text-sm font-medium text-white hover:bg-slate-700">
            New role
          </Link>
          <ul className="space-y-0.5 text-sm" data-testid="role-list">
            {roles.map((role) => (
              <li key={role.id}>
                <Link
                  href={`/admin?role=${role.id}`}
                  aria-current={role.id === selectedRole?.id ? "page" : undefined}
                  className={`block rounded px-2 py-1 ${role.id === selectedRole?.id ? "bg-slate-200 font-medium" : "hover:bg-slate-100"}`}
                >
                  {role.name} <span className="text-slate-500">({role.userCount})</span>
                  <span className="block truncate text-xs text-slate-500" title={role.allServiceGroups ? undefined : role.serviceGroups.join(", ")}>
                    Service groups: {role.allServiceGroups ? "all" : role.serviceGroups.join(", ")}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </aside>
        <RoleForm key={selectedRole?.id ?? "new"} role={selectedRole} services={services} knownServiceGroups={knownServiceGroups} />
      </div>
      <h2 className="mt-10 mb-3 text-lg font-semibold">Users</h2>
      <UserTable users={users} roles={roles.map((role) => ({ id: role.id, name: role.name }))} currentUserId={user.id} />
    </>
  );
}
