export * from "./text.js";
export * from "./diagnostic.js";
export * from "./align.js";
export * from "./terms.js";
export * from "./glossary.js";
