// SLA targets, error budgets, excluded periods and the SLA report (docs/sla.md).
export * from "./csv";
export * from "./excluded-periods";
export * from "./figures";
export * from "./inputs";
export * from "./marks";
export * from "./read";
export * from "./targets";
export * from "./query";
