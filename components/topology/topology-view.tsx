"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from "@xyflow/react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { chartColorOf } from "@/components/bsm/status-marks";
import { useTopologyView } from "@/components/bsm/view-queries";
import { StaleFrame } from "@/components/live/freshness";
import { statusStyle } from "@/components/status/status-style";
import { NODE_HEIGHT, NODE_WIDTH, topologyQuery, type TopologyNode, type TopologyView } from "@/lib/connectivity/topology";
import { investigatePath } from "@/lib/status/investigate-target";


const KIND_WORDS: Record<TopologyNode["kind"], string> = {
  source: "Source",
  host: "Host element",
  component: "Component",
  service: "Business service",
  hosts: "Host elements (collapsed)",
};

function stateWord(state: string | null): string {
  return state === null ? "Not evaluated yet" : statusStyle(state).label;
}

type GraphNode = Node<{ node: TopologyNode }, "bsm">;

function BsmNode({ data }: NodeProps<GraphNode>) {
  const { node } = data;
  const style = node.state === null ? null : statusStyle(node.state);
  return (
    <div
      className={`rounded-md border-2 bg-white px-2 py-1 text-left text-xs shadow-sm dark:bg-slate-900 ${node.kind === "hosts" ? "border-dashed" : ""}`}
      style={{ width: NODE_WIDTH, minHeight: NODE_HEIGHT - 8, borderColor: node.state === null ? "var(--color-slate-400)" : chartColorOf(node.state) }}
      data-testid="topology-node"
      data-node-id={node.id}
      data-state={node.state ?? "NONE"}
    >
      <Handle type="target" position={Position.Left} />
      <div className="flex items-center justify-between gap-1">
        <span className="truncate font-semibold text-slate-900 dark:text-slate-100" title={node.label}>
          {node.label}
        </span>
        {node.kind !== "source" && (
          <span className={`shrink-0 rounded px-1 text-[10px] font-bold ring-1 ${style?.badge ?? "bg-slate-100 text-slate-700 ring-slate-400/40"}`}>{stateWord(node.state)}</span>
        )}
      </div>
      <div className="text-[11px] text-slate-600 dark:text-slate-300">{KIND_WORDS[node.kind]}</div>
      <div className="truncate text-[11px] text-slate-700 dark:text-slate-200" title={node.detail}>
        {node.detail}
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

const NODE_TYPES = { bsm: BsmNode };
const FIT_VIEW_UP_TO = 150;

/** React Flow's nodes and edges at the server's layout; each connection coloured by its state. */
function toFlow(view: TopologyView): { nodes: GraphNode[]; edges: Edge[] } {
  const nodes = view.nodes.map((node): GraphNode => ({
    id: node.id,
    type: "bsm",
    position: view.positions?.[node.id] ?? { x: 0, y: 0 },
    data: { node },
    connectable: false,
    draggable: false,
  }));
  const edges = view.edges.map((edge): Edge => {
    const color = edge.state === null ? "var(--color-slate-400)" : chartColorOf(edge.state);
    return { id: edge.id, source: edge.from, target: edge.to, style: { stroke: color, strokeWidth: edge.state !== null && edge.state !== "OPERATIONAL" ? 2.5 : 1.5 }, markerEnd: { type: MarkerType.ArrowClosed, color } };
  });
  return { nodes, edges };
}

function nodeLinks(node: TopologyNode, view: TopologyView): { label: string; href: string }[] {
  const [kind, rest] = [node.id.slice(0, node.id.indexOf(":")), node.id.slice(node.id.indexOf(":") + 1)];
  if (node.kind === "hosts" && node.expands) return [{ label: "Expand", href: `/bsm/topology?${topologyQuery(view.scope, [...view.expanded, node.expands])}` }];
  if (kind === "service") {
    const id = Number(rest);
    return [
      ...(node.expands ? [{ label: "Expand components", href: `/bsm/topology?${topologyQuery(view.scope, [...view.expanded, node.expands])}` }] : []),
      { label: "Investigate", href: investigatePath({ kind: "service", id }) },
      { label: "Open service view", href: `/bsm/service/${id}` },
      { label: "Topology of this service", href: `/bsm/topology?${topologyQuery({ kind: "service", id }, [])}` },
    ];
  }
  if (kind === "component") {
    const id = Number(rest);
    const links = [
      { label: "Investigate", href: investigatePath({ kind: "component", id }) },
      { label: "Open component view", href: `/bsm/component/${id}` },
      { label: "Topology of this component", href: `/bsm/topology?${topologyQuery({ kind: "component", id }, [])}` },
    ];
    if (view.scope.kind !== "component" && !view.expanded.includes(node.id)) links.push({ label: "Expand host elements", href: `/bsm/topology?${topologyQuery(view.scope, [...view.expanded, node.id])}` });
    return links;
  }
  if (kind === "host" && node.componentId !== undefined) {
    return [
      { label: "Investigate", href: investigatePath({ kind: "host", componentId: node.componentId, host: rest }) },
      { label: "Open host element", href: `/hosts/${encodeURIComponent(rest)}` },
      { label: "Open component view", href: `/bsm/component/${node.componentId}` },
    ];
  }
  return [];
}

function TopologyList({ view }: { view: TopologyView }) {
  const labels = new Map(view.nodes.map((node) => [node.id, node.label]));
  const feeds = new Map<string, string[]>();
  for (const edge of view.edges) {
    const label = labels.get(edge.to) ?? edge.to;
    const list = feeds.get(edge.from);
    if (list) list.push(label);
    else feeds.set(edge.from, [label]);
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full rounded-lg bg-white text-left text-sm shadow-sm dark:bg-slate-900" data-testid="topology-list">
        <caption className="sr-only">Every node of the topology with its state and what it feeds</caption>
        <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-300">
          <tr>
            <th className="px-3 py-2 font-medium">Name</th>
            <th className="px-3 py-2 font-medium">Kind</th>
            <th className="px-3 py-2 font-medium">State</th>
            <th className="px-3 py-2 font-medium">Details</th>
            <th className="px-3 py-2 font-medium">Feeds</th>
            <th className="px-3 py-2 font-medium">Open</th>
          </tr>
        </thead>
        <tbody>
          {view.nodes.map((node) => (
            <tr key={node.id} data-node-id={node.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <td className="px-3 py-1.5 font-medium">{node.label}</td>
              <td className="px-3 py-1.5">{KIND_WORDS[node.kind]}</td>
              <td className="px-3 py-1.5">{node.kind === "source" ? "—" : stateWord(node.state)}</td>
              <td className="px-3 py-1.5">{node.detail}</td>
              <td className="px-3 py-1.5">{(feeds.get(node.id) ?? []).join(", ") || "—"}</td>
              <td className="px-3 py-1.5">
                {nodeLinks(node, view).map((link) => (
                  <Link key={link.href} href={link.href} className="mr-3 text-blue-800 underline dark:text-blue-300">
                    {link.label}
                  </Link>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TopologyGraph({ view, height }: { view: TopologyView; height: number }) {
  const { nodes, edges } = useMemo(() => toFlow(view), [view]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = view.nodes.find((node) => node.id === selectedId) ?? null;
  return (
    <div className="relative rounded-lg border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-950" style={{ height }} data-testid="topology-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodeClick={(_event, node) => setSelectedId(node.id)}
        onPaneClick={() => setSelectedId(null)}
        // Fitting a large graph would draw every node at once; it opens at its top, the rest a drag or zoom away.
        fitView={nodes.length <= FIT_VIEW_UP_TO}
        defaultViewport={{ x: 24, y: 24, zoom: 0.8 }}
        minZoom={0.05}
        onlyRenderVisibleElements
        nodesConnectable={false}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
      {selected && (
        <div role="menu" aria-label={`${selected.label}: actions`} className="absolute top-2 right-2 z-10 w-64 rounded-md border border-slate-300 bg-white p-3 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-900" data-testid="topology-node-menu">
          <p className="font-semibold">{selected.label}</p>
          <p className="mb-2 text-xs text-slate-600 dark:text-slate-300">
            {KIND_WORDS[selected.kind]} · {stateWord(selected.state)} · {selected.detail}
          </p>
          {nodeLinks(selected, view).map((link) => (
            <Link key={link.href} role="menuitem" href={link.href} className="block py-0.5 text-blue-800 underline dark:text-blue-300">
              {link.label}
            </Link>
          ))}
        </div>
      )}
    </div>
  );
}

/** The topology of one scope, live; graph or list (the same information, for keyboards and screen readers). */
export function LiveTopology({ query, initial, height = 640, showList = false }: { query: string; initial?: TopologyView; height?: number; showList?: boolean }) {
  const { data, error } = useTopologyView(query, initial);
  const [asList, setAsList] = useState(showList);
  if (!data) return <p className="rounded bg-slate-100 p-3 text-sm text-slate-700">{error ? error.message : "Loading…"}</p>;
  return (
    <StaleFrame>
      <div className="mb-2 flex items-center gap-2 text-sm" role="group" aria-label="Show the topology as">
        {[
          { label: "Graph", list: false },
          { label: "List", list: true },
        ].map((choice) => (
          <button
            key={choice.label}
            type="button"
            aria-pressed={asList === choice.list}
            onClick={() => setAsList(choice.list)}
            className={`rounded border px-3 py-1 ${asList === choice.list ? "border-slate-900 bg-slate-900 text-white dark:border-slate-100 dark:bg-slate-100 dark:text-slate-900" : "border-slate-300 bg-white text-slate-800 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"}`}
          >
            {choice.label}
          </button>
        ))}
        <span className="text-slate-600 dark:text-slate-300" data-testid="topology-counts">
          {data.nodes.length} nodes, {data.edges.length} connections
          {!asList && data.nodes.length > FIT_VIEW_UP_TO && " — a large graph opens at its top: drag, or zoom out with the controls, for the rest"}
        </span>
      </div>
      {asList ? <TopologyList view={data} /> : <TopologyGraph view={data} height={height} />}
    </StaleFrame>
  );
}
