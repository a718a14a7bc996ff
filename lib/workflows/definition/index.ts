export * from "./schemas";
export * from "./parse-definition";
export * from "./default-definition";
export * from "./canonical-json";
