export * from "./types";
export * from "./decide";
export * from "./burn-rate";
export * from "./time-period";
export * from "./simulate";
export * from "./contract";
export * from "./environment";
export { DEFAULT_RETRY_POLICY, computeRetryDelay, summariseAttempts, type RetryPolicy } from "./retry";
