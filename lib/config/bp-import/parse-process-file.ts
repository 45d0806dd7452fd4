/**
 * The grammar of Icinga Web 2's Business Process files, as the module's own parser reads them
 * (businessprocess 2.4, library/Businessprocess/Storage/LegacyConfigParser.php):
 *
 *   # comment                         a line starting with # (the header's "# Title : …" too)
 *   name = a & b & c                  AND: the worst child       (one child alone is an AND too)
 *   name = a | b                      OR: the best child
 *   name = ! a                        NOT
 *   name = a % b                      DEGRADED: CRITICAL becomes WARNING
 *   name = 2 of: a + b + c            OK when at least 2 children are OK ("2:1 of:" too; the module ignores the :1)
 *   children: host;Hoststatus, host;service, another node's name, @otherfile:node
 *   display 1;name;Title              a title, and (above 0) a top-level node
 *   info_url name;url, external_info name;command, state_overrides name!child|2-0, template …, extra_info …
 *
 * Operators may not be mixed in one line; a backslash escapes an operator character.
 */

export type ProcessOperator = { kind: "and" } | { kind: "or" } | { kind: "not" } | { kind: "degraded" } | { kind: "of"; count: number };

export type ProcessChild =
  | { kind: "host"; host: string }
  | { kind: "service"; host: string; service: string }
  | { kind: "node"; name: string }
  | { kind: "imported"; config: string; node: string };

export interface ProcessNode {
  name: string;
  line: number;
  operator: ProcessOperator;
  children: ProcessChild[];
  /** From `display N;name;Title`. */
  display?: { level: number; title: string; line: number };
}

/** A line that says something about a node that has no place in BSM Dashboard. */
export interface ProcessExtra {
  kind: "info_url" | "external_info" | "state_overrides";
  node: string;
  line: number;
  text: string;
}

export interface ParsedProcessFile {
  nodes: ProcessNode[];
  extras: ProcessExtra[];
  /** Lines the module itself would refuse (it refuses the whole file). */
  errors: { line: number; message: string }[];
}

const OPERATOR_CHARACTERS = /(?<!\\)([|+&!%])/g;
const OPERATOR_KINDS: Record<string, ProcessOperator> = { "&": { kind: "and" }, "|": { kind: "or" }, "!": { kind: "not" }, "%": { kind: "degraded" } };
const IGNORED_BY_THE_MODULE = new Set(["template", "extra_info"]);

export function parseProcessFile(text: string): ParsedProcessFile {
  const nodes: ProcessNode[] = [];
  const extras: ProcessExtra[] = [];
  const errors: ParsedProcessFile["errors"] = [];
  const displays: { level: number; node: string; title: string; line: number }[] = [];

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === "" || content.startsWith("#")) return;

    const space = content.indexOf(" ");
    if (space !== -1 && space < 16) {
      const type = content.slice(0, space);
      if (type.startsWith("display")) {
        const [level = "", node = "", title = ""] = splitTrimmed(content.slice(8), ";", 3);
        if (node === "") errors.push({ line, message: "a display line reads display N;node;Title" });
        else displays.push({ level: Number.parseInt(level, 10) || 0, node, title, line });
        return;
      }
      if (type === "info_url" || type === "external_info") {
        const [node = "", value = ""] = splitTrimmed(content.slice(type.length + 1), ";", 2);
        extras.push({ kind: type, node, line, text: value });
        return;
      }
      if (type === "state_overrides") {
        const rest = content.slice(type.length + 1).trim();
        extras.push({ kind: type, node: rest.split("!")[0]!.trim(), line, text: rest.slice(rest.indexOf("!") + 1).trim() });
        return;
      }
      if (IGNORED_BY_THE_MODULE.has(type)) return;
    }

    const equals = content.indexOf("=");
    if (equals === -1) {
      errors.push({ line, message: "not a comment, a display/info line or a node (name = …)" });
      return;
    }
    const name = content.slice(0, equals).trim();
    let value = content.slice(equals + 1).trim();
    if (name === "" || name.includes(";")) {
      errors.push({ line, message: name === "" ? "the node has no name" : "a node's name may not contain ;" });
      return;
    }
    const operators = [...value.matchAll(OPERATOR_CHARACTERS)].map((match) => match[1]!);
    if (new Set(operators).size > 1) {
      errors.push({ line, message: `${name} mixes the operators ${[...new Set(operators)].join(" ")}; the module allows one operator per node` });
      return;
    }
    const symbol = operators[0] ?? "&";
    let operator = OPERATOR_KINDS[symbol];
    if (symbol === "+") {
      const of = /^(\d+)(?::(\d+))?\s*of:\s*(.+?)$/.exec(value);
      if (!of) {
        errors.push({ line, message: `${name}: + is for "N of: a + b + c"` });
        return;
      }
      operator = { kind: "of", count: Number(of[1]) };
      value = of[3]!;
    }
    const parts = value
      .split(new RegExp(`\\s*(?<!\\\\)\\${symbol}\\s*`))
      .map((part) => part.trim().replace(/\\([|+&!%])/g, "$1"))
      .filter((part) => part !== "");
    if (nodes.some((node) => node.name === name)) {
      errors.push({ line, message: `${name} is defined twice (first on line ${nodes.find((node) => node.name === name)!.line})` });
      return;
    }
    nodes.push({ name, line, operator: operator!, children: parts.map(childOf) });
  });

  for (const display of displays) {
    const node = nodes.find((candidate) => candidate.name === display.node);
    if (node === undefined) errors.push({ line: display.line, message: `display names ${display.node}, which the file does not define` });
    else node.display = { level: display.level, title: display.title, line: display.line };
  }
  errors.sort((left, right) => left.line - right.line);
  return { nodes, extras, errors };
}

function childOf(text: string): ProcessChild {
  if (text.startsWith("@") && text.includes(":")) {
    const [config = "", node = ""] = splitTrimmed(text.slice(1), ":", 2);
    return { kind: "imported", config, node };
  }
  const semicolon = text.indexOf(";");
  if (semicolon === -1) return { kind: "node", name: text };
  const host = text.slice(0, semicolon);
  const service = text.slice(semicolon + 1);
  return service === "Hoststatus" ? { kind: "host", host } : { kind: "service", host, service };
}

/** Like PHP's preg_split(separator, text, limit) with the parts trimmed. */
function splitTrimmed(text: string, separator: string, limit: number): string[] {
  const parts = text.split(separator);
  const head = parts.slice(0, limit - 1);
  const tail = parts.slice(limit - 1).join(separator);
  return [...head, ...(parts.length >= limit ? [tail] : [])].map((part) => part.trim());
}

/** How a child reads in the file, for messages. */
export function childText(child: ProcessChild): string {
  switch (child.kind) {
    case "host":
      return `${child.host};Hoststatus`;
    case "service":
      return `${child.host};${child.service}`;
    case "node":
      return child.name;
    case "imported":
      return `@${child.config}:${child.node}`;
  }
}

export function operatorText(operator: ProcessOperator): string {
  return operator.kind === "of" ? `${operator.count} of:` : { and: "&", or: "|", not: "!", degraded: "%" }[operator.kind];
}
