// Public library API: re-exports only.
export * from "./model/index.js";
export { DEFAULT_OPTIONS, resolveOptions, type Options, type ResolvedOptions } from "./options.js";
export { alignInput, ingest, run, segmentBitext, type Input, type Resources, type RunResult } from "./pipeline.js";
export { decodeBytes, parseEncodingName } from "./ingest/encoding.js";
export { readMixed } from "./ingest/mixed.js";
export { readParallel } from "./ingest/parallel.js";
export { readTmx } from "./ingest/tmx.js";
export { loadWordList, type WordList } from "./ingest/words.js";
export { splitParagraph } from "./segment/index.js";
export { alignByLength, bandedAlign } from "./align/index.js";
export { buildTmx, serializeTmx, type TmxModel, type TmxUnit, type TmxStats } from "./export/tmx.js";
export { buildReport, type Report, type DocReport } from "./export/report.js";
export { parseBeads, scoreStrict, fromCounts, type StrictScore } from "./eval/beads.js";
export { loadJieba, type ZhSegmenter, type ZhToken } from "./terms/zh/jieba.js";
export { createEnTagger, type EnTagger, type EnToken } from "./terms/en/compromise.js";
export { VERSION } from "./version.js";
