export { AgentHQ, type ClientOptions } from "./client.js";
export { AgentHQError, type ErrorCode, type FieldError } from "./errors.js";
export type * from "./types.js";
