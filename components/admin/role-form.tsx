"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteRoleAction, saveRoleAction } from "@/lib/actions/admin";
import { ActionMessage } from "@/components/connector/action-message";
import { ConfirmDelete } from "@/components/configure/confirm-delete";
import { FieldError } from "@/components/ui/field-error";
import type { ActionResult } from "@/lib/errors/action-result";
import type { RoleView } from "@/lib/users/roles";
import { TableScroll } from "@/components/ui/table-scroll";

const FLAGS = [
  { key: "bsmAccess", label: "BSM access", hint: "Without it BSM menus, dashlets and the API are closed." },
  { key: "viewAll", label: "VIEWALL", hint: "Every host and service check, so every component." },
  { key: "allBusinessServices", label: "View All business services", hint: "Every business service, including future ones." },
  { key: "grantServicesOfComponents", label: "Grant permissions to Business Services", hint: "Also show the services that contain the components you can see." },
  { key: "configureBsm", label: "CONFIGUREBSM", hint: "Edit the business services ticked as editable below." },
  { key: "configureBsmComponents", label: "CONFIGUREBSMCOMPONENTS", hint: "Create and edit components." },
  { key: "actionBsm", label: "ACTIONBSM", hint: "— acknowledge and schedule downtime through the source, on the hosts and checks this role shows." },
] as const;

type FlagKey = (typeof FLAGS)[number]["key"];

const lines = (text: string) => text.split("\n").map((line) => line.trim()).filter(Boolean);

export function RoleForm({
  role,
  services,
  knownServiceGroups,
}: {
  role: RoleView | null;
  services: { id: number; name: string }[];
  /** Service groups of the checks stored now; the role's own choices are offered too, even if gone from the data. */
  knownServiceGroups: string[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult>({ status: "idle" });
  const [name, setName] = useState(role?.name ?? "");
  const [description, setDescription] = useState(role?.description ?? "");
  const [flags, setFlags] = useState<Record<FlagKey, boolean>>({
    bsmAccess: role?.bsmAccess ?? true,
    viewAll: role?.viewAll ?? false,
    allBusinessServices: role?.allBusinessServices ?? false,
    grantServicesOfComponents: role?.grantServicesOfComponents ?? false,
    configureBsm: role?.configureBsm ?? false,
    configureBsmComponents: role?.configureBsmComponents ?? false,
    actionBsm: role?.actionBsm ?? false,
  });
  const [hostGroups, setHostGroups] = useState((role?.hostGroups ?? []).join("\n"));
  const [keywords, setKeywords] = useState((role?.keywords ?? []).join("\n"));
  const [allServiceGroups, setAllServiceGroups] = useState(role?.allServiceGroups ?? true);
  const [serviceGroups, setServiceGroups] = useState<Set<string>>(new Set(role?.serviceGroups ?? []));
  const serviceGroupChoices = [...new Set([...knownServiceGroups, ...(role?.serviceGroups ?? [])])].sort((a, b) => a.localeCompare(b));
  const [grants, setGrants] = useState<Map<number, boolean>>(new Map((role?.businessServices ?? []).map((service) => [service.id, service.canEdit])));
  const fieldErrors = result.status === "error" ? (result.fieldErrors ?? {}) : {};

  const setGrant = (id: number, authorised: boolean, canEdit: boolean) => {
    const next = new Map(grants);
    if (authorised) next.set(id, canEdit);
    else next.delete(id);
    setGrants(next);
  };

  const save = () =>
    startTransition(async () => {
      const saved = await saveRoleAction(role?.id ?? null, {
        name,
        description,
        ...flags,
        hostGroups: lines(hostGroups),
        keywords: lines(keywords),
        allServiceGroups,
        serviceGroups: allServiceGroups ? [] : [...serviceGroups].sort(),
        businessServices: [...grants].map(([id, canEdit]) => ({ id, canEdit })),
      });
      setResult(saved);
      if (saved.status === "ok") router.refresh();
    });
  const remove = () =>
    startTransition(async () => {
      const deleted = await deleteRoleAction(role!.id);
      setResult(deleted);
      if (deleted.status === "ok") router.push("/admin");
    });

  return (
    <section aria-label="Role editor" className="space-y-4 rounded-lg bg-white p-6 text-sm shadow-sm">
      <h3 className="text-base font-semibold">{role ? `Edit role ${role.name}` : "New role"}</h3>
      <div className="grid max-w-2xl grid-cols-1 gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="role-name" className="block font-medium">
            Name
          </label>
          <input id="role-name" value={name} onChange={(event) => setName(event.target.value)} className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5" />
          <FieldError id="role-name-error" message={fieldErrors.name} />
        </div>
        <div>
          <label htmlFor="role-description" className="block font-medium">
            Description
          </label>
          <input id="role-description" value={description} onChange={(event) => setDescription(event.target.value)} className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5" />
        </div>
      </div>
      <fieldset className="space-y-1.5">
        <legend className="mb-1 font-medium">Permissions</legend>
        {FLAGS.map((flag) => (
          <label key={flag.key} className="flex items-start gap-2">
            <input type="checkbox" checked={flags[flag.key]} onChange={(event) => setFlags({ ...flags, [flag.key]: event.target.checked })} className="mt-0.5" />
            <span>
              <span className="font-medium">{flag.label}</span> <span className="text-slate-500">{flag.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="grid max-w-2xl grid-cols-1 gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="role-host-groups" className="block font-medium">
            Host groups <span className="font-normal text-slate-500">(one per line)</span>
          </label>
          <textarea id="role-host-groups" rows={4} value={hostGroups} onChange={(event) => setHostGroups(event.target.value)} className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5" />
          <FieldError id="role-host-groups-error" message={fieldErrors.hostGroups} />
        </div>
        <div>
          <label htmlFor="role-keywords" className="block font-medium">
            Keywords <span className="font-normal text-slate-500">(one per line)</span>
          </label>
          <textarea id="role-keywords" rows={4} value={keywords} onChange={(event) => setKeywords(event.target.value)} className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5" />
          <FieldError id="role-keywords-error" message={fieldErrors.keywords} />
        </div>
      </div>
      <fieldset className="max-w-2xl">
        <legend className="mb-1 font-medium">Service groups</legend>
        <label className="flex items-start gap-2">
          <input type="checkbox" checked={allServiceGroups} onChange={(event) => setAllServiceGroups(event.target.checked)} className="mt-0.5" />
          <span>
            <span className="font-medium">All service groups</span>{" "}
            <span className="text-slate-500">On hosts seen through a host group, every check; untick to allow only checks in the groups chosen here.</span>
          </span>
        </label>
        {!allServiceGroups && (
          <div role="group" aria-label="Chosen service groups" aria-describedby="role-service-groups-error" className="mt-2 grid grid-cols-2 gap-x-4 sm:grid-cols-3 gap-y-1 pl-6">
            {serviceGroupChoices.length === 0 && <p className="col-span-3 text-slate-500">No service groups are known yet: the monitoring data has reported none.</p>}
            {serviceGroupChoices.map((group) => (
              <label key={group} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={serviceGroups.has(group)}
                  onChange={(event) => {
                    const next = new Set(serviceGroups);
                    if (event.target.checked) next.add(group);
                    else next.delete(group);
                    setServiceGroups(next);
                  }}
                />
                {group}
              </label>
            ))}
          </div>
        )}
        <FieldError id="role-service-groups-error" message={fieldErrors.serviceGroups} />
      </fieldset>
      <fieldset>
        <legend className="mb-1 font-medium">Authorised for Business Services</legend>
        <TableScroll>
        <table className="text-left">
          <thead className="text-slate-600">
            <tr>
              <th className="pr-4 font-medium">Business service</th>
              <th className="pr-4 font-medium">Authorised</th>
              <th className="font-medium">Can edit</th>
            </tr>
          </thead>
          <tbody>
            {services.map((service) => (
              <tr key={service.id}>
                <td className="pr-4">{service.name}</td>
                <td className="pr-4">
                  <input type="checkbox" aria-label={`Authorised for ${service.name}`} checked={grants.has(service.id)} onChange={(event) => setGrant(service.id, event.target.checked, false)} />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Can edit ${service.name}`}
                    checked={grants.get(service.id) === true}
                    onChange={(event) => setGrant(service.id, true, event.target.checked)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
        <FieldError id="role-services-error" message={fieldErrors.businessServices} />
      </fieldset>
      <p className="text-slate-500">
        Status-object permissions: a service check is visible through a keyword of its host, or through a host group of its host together with one of
        its service groups (all of them while All service groups is ticked). A component is visible bottom up when every check of every one of its hosts is.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={save} disabled={pending} className="rounded bg-slate-900 px-4 py-1.5 font-medium text-white hover:bg-slate-700 disabled:opacity-50">
          {role ? "Save role" : "Create role"}
        </button>
        {role && <ConfirmDelete what={`role ${role.name}`} onConfirm={remove} disabled={pending} />}
      </div>
      <ActionMessage result={result} />
    </section>
  );
}
