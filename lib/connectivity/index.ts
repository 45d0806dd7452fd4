export { deriveInterfaces, type ConnectivityInputs } from "./derive";
export {
  componentKey,
  hostElementKey,
  interfaceId,
  parseElementKey,
  serviceKey,
  SOURCE_ELEMENT,
  type ConnectivityElementKey,
  type ConnectivityInterface,
  type InterfaceDirection,
} from "./model";
export { listConnections, listInterfaces, parseConnectivityFilters, SOURCE_NAME, type ConnectionView, type ConnectivityQuery } from "./read-connectivity";
export { loadTopology } from "./load-topology";
export {
  buildTopology,
  HOSTS_SHOWN_UNEXPANDED,
  parseTopologyQuery,
  scopeKey,
  topologyQuery,
  type TopologyEdge,
  type TopologyNode,
  type TopologyNodeKind,
  type TopologyScope,
  type TopologyView,
} from "./topology";
