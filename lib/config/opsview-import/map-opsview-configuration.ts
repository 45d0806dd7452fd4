import { CONFIG_DOCUMENT_VERSION, type ConfigDocument, type DocumentProblem } from "../document";

/**
 * Opsview's BSM configuration as its REST API lists it (Opsview 6):
 * GET /rest/config/bsmservice?rows=all and GET /rest/config/bsmcomponent?rows=all, each {list, summary}.
 * Sources: the opsview crate 0.1.12 on docs.rs, tests/api_responses.rs (BSMSERVICE_CONFIG, recorded on
 * Opsview 6.8.8: {ref, id, uncommitted, name, components: [{ref, name}]}, refs saying "businesscomponent"),
 * and src/config/bsmcomponent.rs (a BSMComponent refers to a HostTemplateRef and HostRefs, {name, ref}).
 * host_template, hosts and quorum_pct (a string) are the component's field names as the issue gives them;
 * that file's text was not read in full here. Numbers often arrive as strings; unknown fields are ignored.
 */
export interface OpsviewBsmLists {
  bsmservice: readonly unknown[];
  bsmcomponent: readonly unknown[];
}

export interface MappedOpsviewConfiguration {
  document: ConfigDocument;
  /** Everything that could not be mapped, at its path in the Opsview input ("bsmcomponent[2].quorum_pct"). */
  problems: DocumentProblem[];
  /** Document path → Opsview path, for the plan's problems (the document leaves out what could not be mapped). */
  opsviewPath(documentPath: string): string;
}

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row => typeof value === "object" && value !== null && !Array.isArray(value);

function nameOf(value: unknown): string | null {
  if (!isRow(value) || typeof value.name !== "string") return null;
  const name = value.name.trim();
  return name === "" ? null : name;
}

/** quorum_pct as hundredths of a percent ("66.67" → 6667), or null when it is not a number from 0 to 100. */
function quorumHundredths(value: unknown): number | null {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const hundredths = Math.round(Number(text) * 100);
  return hundredths >= 0 && hundredths <= 10_000 ? hundredths : null;
}

/**
 * The least number of hosts whose share reaches quorum_pct, that share rounded to two decimals as
 * Opsview stores it: 66.67 % of 3 hosts is 2 (2/3 = 66.67 %), 50 % of 3 is 2, 100 % is every host,
 * 0 % is none. This is ceil(quorum_pct × hosts / 100) without the float error of "66.67".
 */
export function requiredOnlineOfQuorum(quorumPctHundredths: number, hostCount: number): number {
  for (let online = 0; online < hostCount; online += 1) {
    if (Math.round((online * 10_000) / hostCount) >= quorumPctHundredths) return online;
  }
  return hostCount;
}

/** Turns Opsview's BSM components and services into a configuration document, keeping the order of every list. */
export function mapOpsviewConfiguration(lists: OpsviewBsmLists): MappedOpsviewConfiguration {
  const problems: DocumentProblem[] = [];
  const componentOrigins: number[] = [];
  const serviceOrigins: number[] = [];
  const components: ConfigDocument["components"] = [];
  const businessServices: ConfigDocument["businessServices"] = [];

  lists.bsmcomponent.forEach((row, index) => {
    const at = `bsmcomponent[${index}]`;
    const before = problems.length;
    if (!isRow(row)) {
      problems.push({ path: at, message: "is not a BSM component object" });
      return;
    }
    const name = nameOf(row);
    if (name === null) problems.push({ path: `${at}.name`, message: "a component needs a name" });
    const hostTemplate = nameOf(row.host_template);
    if (hostTemplate === null) problems.push({ path: `${at}.host_template`, message: "the component has no host template (host_template.name)" });
    const hosts: string[] = [];
    if (!Array.isArray(row.hosts) || row.hosts.length === 0) {
      problems.push({ path: `${at}.hosts`, message: "the component has no hosts" });
    } else {
      row.hosts.forEach((host: unknown, hostIndex) => {
        const hostName = nameOf(host);
        if (hostName === null) problems.push({ path: `${at}.hosts[${hostIndex}]`, message: "a host needs a name" });
        else hosts.push(hostName);
      });
    }
    const quorum = quorumHundredths(row.quorum_pct);
    if (quorum === null) problems.push({ path: `${at}.quorum_pct`, message: `quorum_pct must be a percentage from 0 to 100, not ${JSON.stringify(row.quorum_pct) ?? "nothing"}` });
    if (problems.length > before || name === null || hostTemplate === null || quorum === null) return;
    componentOrigins.push(index);
    components.push({ name, hostTemplate, hosts, requiredOnline: requiredOnlineOfQuorum(quorum, hosts.length) });
  });

  lists.bsmservice.forEach((row, index) => {
    const at = `bsmservice[${index}]`;
    const before = problems.length;
    if (!isRow(row)) {
      problems.push({ path: at, message: "is not a BSM service object" });
      return;
    }
    const name = nameOf(row);
    if (name === null) problems.push({ path: `${at}.name`, message: "a business service needs a name" });
    const members: string[] = [];
    if (row.components !== undefined && !Array.isArray(row.components)) {
      problems.push({ path: `${at}.components`, message: "components must be a list" });
    } else {
      (row.components ?? []).forEach((component: unknown, componentIndex: number) => {
        const componentName = nameOf(component);
        if (componentName === null) problems.push({ path: `${at}.components[${componentIndex}]`, message: "a component reference needs a name" });
        else members.push(componentName);
      });
    }
    if (problems.length > before || name === null) return;
    serviceOrigins.push(index);
    businessServices.push({ name, components: members });
  });

  const opsviewPath = (documentPath: string): string =>
    documentPath
      .replace(/^components\[(\d+)\]/, (whole, index: string) => (componentOrigins[Number(index)] === undefined ? whole : `bsmcomponent[${componentOrigins[Number(index)]}]`))
      .replace(/^businessServices\[(\d+)\]/, (whole, index: string) => (serviceOrigins[Number(index)] === undefined ? whole : `bsmservice[${serviceOrigins[Number(index)]}]`))
      .replace(/^(bsmcomponent\[\d+\])\.hostTemplate/, "$1.host_template")
      .replace(/^(bsmcomponent\[\d+\])\.requiredOnline/, "$1.quorum_pct")
      .replace(/^components$/, "bsmcomponent")
      .replace(/^businessServices$/, "bsmservice");

  return { document: { version: CONFIG_DOCUMENT_VERSION, components, businessServices }, problems, opsviewPath };
}
