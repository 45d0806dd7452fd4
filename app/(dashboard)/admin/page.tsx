import type { Metadata } from "next";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { listUsers } from "@/lib/users/manage-users";
import { listKnownServiceGroups, listRoles } from "@/lib/users/roles";
import { ItemListAside, ItemListLink } from "@/components/ui/item-list-aside";
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
      <div className="grid grid-cols-1 md:grid-cols-[16rem_minmax(0,1fr)] gap-6">
        <ItemListAside label="Roles" newItem={{ href: "/admin", label: "New role" }} testId="role-list">
          {roles.map((role) => (
            <ItemListLink key={role.id} href={`/admin?role=${role.id}`} current={role.id === selectedRole?.id}>
              {role.name} <span className="text-slate-500">({role.userCount})</span>
              <span className="block truncate text-xs text-slate-500" title={role.allServiceGroups ? undefined : role.serviceGroups.join(", ")}>
                Service groups: {role.allServiceGroups ? "all" : role.serviceGroups.join(", ")}
              </span>
            </ItemListLink>
          ))}
        </ItemListAside>
        <RoleForm key={selectedRole?.id ?? "new"} role={selectedRole} services={services} knownServiceGroups={knownServiceGroups} />
      </div>
      <h2 className="mt-10 mb-3 text-lg font-semibold">Users</h2>
      <UserTable users={users} roles={roles.map((role) => ({ id: role.id, name: role.name }))} currentUserId={user.id} />
    </>
  );
}
