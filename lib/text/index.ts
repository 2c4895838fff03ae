export * from "./code-points";
export * from "./span-check";
export * from "./document-map";
export * from "./selection";
export * from "./tokens";
export { isWhiteSpace } from "./white-space";
