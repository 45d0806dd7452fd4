import { countActions, type ImportPlan } from "./plan";

/** The plan as lines for people: each object with its action, then a one-line summary. */
export function describePlan(plan: ImportPlan): string {
  const lines: string[] = [];
  for (const [title, changes] of [["Components", plan.components], ["Business services", plan.businessServices]] as const) {
    if (changes.length === 0) continue;
    lines.push(`${title}:`);
    for (const change of changes) lines.push(`  ${change.action.padEnd(9)} ${change.name}`);
  }
  const counts = countActions([...plan.components, ...plan.businessServices]);
  lines.push(`${counts.create} to create, ${counts.update} to update, ${counts.delete} to delete, ${counts.unchanged} unchanged, ${counts.kept} kept.`);
  return `${lines.join("\n")}\n`;
}

/** Every problem as "path: message", one a line. */
export function describeProblems(plan: ImportPlan): string {
  return plan.problems.map((problem) => `${problem.path}: ${problem.message}\n`).join("");
}
