export * from "./org";
export * from "./users";
export * from "./audit";
export * from "./hospitals";
export * from "./cases";
export * from "./peers";
export * from "./outreach";
export * from "./activities";
