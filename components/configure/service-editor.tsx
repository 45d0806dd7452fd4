"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type DragEvent } from "react";
import { deleteBusinessServiceAction, saveBusinessServiceAction } from "@/lib/actions/configure";
import type { BusinessServiceConfigView, ServiceComponentView } from "@/lib/config";
import { IDLE, type ActionResult } from "@/lib/errors/action-result";
import { ConfirmDelete } from "./confirm-delete";
import { useConfigureNotice } from "./configure-notice";
import { EditorError } from "./editor-error";
import { FieldError } from "@/components/ui/field-error";
import { NameField } from "./name-field";
import { NotesField } from "./notes-field";
import { TableScroll } from "@/components/ui/table-scroll";

interface DrawerComponent {
  id: number;
  name: string;
  hostsCount: number;
  operationalZonePercent: number;
}

const DRAG_TYPE = "application/x-bsm-component";

/** Moves the item at `from` to sit before the item now at `to` (or to the end). */
function moveItem<T>(items: T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to > from ? to - 1 : to, 0, item);
  return next;
}

export function ServiceEditor({ service, drawer }: { service: BusinessServiceConfigView | null; drawer: DrawerComponent[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ id: number }>>(IDLE);
  const [name, setName] = useState(service?.name ?? "");
  const [notes, setNotes] = useState(service?.notes ?? "");
  const [selected, setSelected] = useState<ServiceComponentView[]>(service?.components ?? []);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const announce = useConfigureNotice();
  const fieldErrors = result.status === "error" ? (result.fieldErrors ?? {}) : {};
  const selectedIds = new Set(selected.map((component) => component.id));
  const available = drawer.filter((component) => !selectedIds.has(component.id));

  const add = (component: DrawerComponent, at = selected.length) => {
    if (selectedIds.has(component.id)) return;
    const next = [...selected];
    next.splice(at, 0, { ...component, visible: true });
    setSelected(next);
  };
  const remove = (index: number) => setSelected(selected.filter((_, position) => position !== index));
  const move = (from: number, to: number) => {
    if (to < 0 || to > selected.length) return;
    setSelected(moveItem(selected, from, to));
  };

  const onDragStart = (event: DragEvent, payload: string) => {
    event.dataTransfer.setData(DRAG_TYPE, payload);
    event.dataTransfer.effectAllowed = "move";
  };
  const onDrop = (event: DragEvent, at: number) => {
    event.preventDefault();
    event.stopPropagation();
    setDropIndex(null);
    const payload = event.dataTransfer.getData(DRAG_TYPE);
    if (payload.startsWith("drawer:")) {
      const component = drawer.find((candidate) => candidate.id === Number(payload.slice(7)));
      if (component) add(component, at);
    } else if (payload.startsWith("selected:")) {
      move(Number(payload.slice(9)), at);
    }
  };
  const allowDrop = (event: DragEvent, at: number) => {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    setDropIndex(at);
  };

  const save = () =>
    startTransition(async () => {
      const saved = await saveBusinessServiceAction(service?.id ?? null, { name, componentIds: selected.map((component) => component.id), notes });
      setResult(saved);
      announce(saved.status === "ok" ? saved.message : null);
      if (saved.status === "ok" && service === null && saved.data !== undefined) router.push(`/configure/services?id=${saved.data.id}`);
    });
  const destroy = () =>
    startTransition(async () => {
      const deleted = await deleteBusinessServiceAction(service!.id);
      setResult(deleted);
      announce(deleted.status === "ok" ? deleted.message : null);
      if (deleted.status === "ok") router.push("/configure/services");
    });

  return (
    <section aria-label="Business service editor" className="space-y-5 rounded-lg bg-white p-6 text-sm shadow-sm">
      <h2 className="text-lg font-semibold">{service ? `Edit ${service.name}` : "New business service"}</h2>
      <NameField id="service-name" value={name} onChange={setName} error={fieldErrors.name} />
      <NotesField id="service-notes" value={notes} onChange={setNotes} error={fieldErrors.notes} />
      <div className="grid grid-cols-1 md:grid-cols-[minmax(0,1fr)_16rem] gap-6">
        <div>
          <h3 className="mb-2 font-medium" id="selected-heading">
            Components selected for BSM
          </h3>
          <TableScroll>
          <table className="w-full text-left" aria-labelledby="selected-heading" data-testid="selected-components">
            <thead className="text-slate-600">
              <tr>
                <th className="py-1 pr-2 font-medium">#</th>
                <th className="py-1 pr-2 font-medium">Component</th>
                <th className="py-1 pr-2 font-medium">Operational zone</th>
                <th className="py-1 pr-2 font-medium">Hosts</th>
                <th className="py-1 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody onDragOver={(event) => allowDrop(event, selected.length)} onDrop={(event) => onDrop(event, selected.length)}>
              {selected.map((component, index) => (
                <tr
                  key={component.id}
                  draggable
                  onDragStart={(event) => onDragStart(event, `selected:${index}`)}
                  onDragOver={(event) => allowDrop(event, index)}
                  onDrop={(event) => onDrop(event, index)}
                  onDragEnd={() => setDropIndex(null)}
                  data-testid="selected-component"
                  className={`cursor-move border-t border-slate-100 ${dropIndex === index ? "border-t-2 border-t-sky-600" : ""}`}
                >
                  <td className="py-1.5 pr-2 text-slate-500">{index + 1}</td>
                  <td className="py-1.5 pr-2">{component.name}</td>
                  <td className="py-1.5 pr-2">{component.operationalZonePercent === null ? "Unavailable" : `${component.operationalZonePercent}%`}</td>
                  <td className="py-1.5 pr-2">{component.hostsCount === null ? "Unavailable" : component.hostsCount}</td>
                  <td className="flex gap-1 py-1.5">
                    <button type="button" onClick={() => move(index, index - 1)} disabled={index === 0} aria-label={`Move ${component.name} up`} className="rounded px-1.5 ring-1 ring-slate-300 disabled:opacity-30">
                      ↑
                    </button>
                    <button type="button" onClick={() => move(index, index + 2)} disabled={index === selected.length - 1} aria-label={`Move ${component.name} down`} className="rounded px-1.5 ring-1 ring-slate-300 disabled:opacity-30">
                      ↓
                    </button>
                    <button type="button" onClick={() => remove(index)} aria-label={`Remove ${component.name}`} className="rounded px-1.5 text-red-700 ring-1 ring-red-600/40">
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
              <tr data-testid="drop-zone" className={dropIndex === selected.length ? "bg-sky-50" : ""}>
                <td colSpan={5} className="py-3 text-center text-slate-500">
                  Drag components here from the drawer, or use Add.
                </td>
              </tr>
            </tbody>
          </table>
          </TableScroll>
          <FieldError id="service-components-error" message={fieldErrors.componentIds} />
        </div>
        <aside aria-label="Components drawer" className="rounded border border-slate-200 p-2">
          <h3 className="mb-2 font-medium">Components drawer</h3>
          <ul className="max-h-96 space-y-1 overflow-y-auto" data-testid="components-drawer">
            {available.map((component) => (
              <li
                key={component.id}
                draggable
                onDragStart={(event) => onDragStart(event, `drawer:${component.id}`)}
                className="flex cursor-move items-center justify-between gap-2 rounded bg-slate-50 px-2 py-1"
              >
                <span>
                  {component.name}
                  <span className="block text-xs text-slate-500">
                    {component.hostsCount} hosts, zone {component.operationalZonePercent}%
                  </span>
                </span>
                <button type="button" onClick={() => add(component)} aria-label={`Add ${component.name}`} className="rounded px-1.5 ring-1 ring-slate-300 hover:bg-white">
                  Add
                </button>
              </li>
            ))}
          </ul>
        </aside>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={save} disabled={pending} className="rounded bg-slate-900 px-4 py-1.5 font-medium text-white hover:bg-slate-700 disabled:opacity-50">
          {pending ? "Saving…" : service ? "Save business service" : "Create business service"}
        </button>
        {service && <ConfirmDelete what={`business service ${service.name}`} onConfirm={destroy} disabled={pending} />}
      </div>
      <EditorError result={result} />
    </section>
  );
}
