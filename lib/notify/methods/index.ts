export * from "./result";
export * from "./command";
export * from "./email";
export * from "./webhook";
export * from "./compose";
export * from "./deliver";
export { runWithRetries, sleepFor, type Sleep } from "../retry";
