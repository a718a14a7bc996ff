export * from "./apply-mapping";
export * from "./coerce-field-value";
export * from "./iso-date";
export * from "./payload-path";
export * from "./sample-payload";
