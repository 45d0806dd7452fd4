// Where each node of a topology is drawn: dagre's layered layout, left to right. It depends only on
// the graph's shape (which nodes and connections), not on states, so one layout serves every live
// refresh until the shape changes; the browser then only draws.
import dagre from "@dagrejs/dagre";
import { NODE_HEIGHT, NODE_WIDTH, type TopologyView } from "./topology";
const REMEMBERED_SHAPES = 32;

export type TopologyPositions = Record<string, { x: number; y: number }>;

const remembered = new Map<string, TopologyPositions>();

function shapeOf(view: TopologyView): string {
  return `${view.nodes.map((node) => node.id).join("\n")}\n\n${view.edges.map((edge) => edge.id).join("\n")}`;
}

/** Top-left corners of every node, from dagre (longest-path ranking: the graph is layered by kind already). */
export function layOutTopology(view: TopologyView): TopologyPositions {
  const shape = shapeOf(view);
  const known = remembered.get(shape);
  if (known) {
    remembered.delete(shape);
    remembered.set(shape, known);
    return known;
  }
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "LR", nodesep: 16, ranksep: 90, ranker: "longest-path" });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of view.nodes) graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of view.edges) graph.setEdge(edge.from, edge.to);
  dagre.layout(graph);
  const positions: TopologyPositions = {};
  for (const node of view.nodes) {
    const centre = graph.node(node.id);
    positions[node.id] = { x: Math.round(centre.x - NODE_WIDTH / 2), y: Math.round(centre.y - NODE_HEIGHT / 2) };
  }
  remembered.set(shape, positions);
  if (remembered.size > REMEMBERED_SHAPES) remembered.delete(remembered.keys().next().value!);
  return positions;
}
