export * from "./schemas";
export { renderRedirectUrl } from "./redirect-template";
export * from "./parse-definition";
export * from "./default-definition";
export * from "./canonical-json";
