#!/usr/bin/env node
// Where a run on a large TMX spends its memory (issue 18): the steps of `termbridge run --jobs 1`
// one after the other in this process, with the RSS, the peak RSS and the heap before and after a
// full collection (what is alive) after each. Make the file first:
//   node bench/tmx-stream.mjs --keep /tmp/big.tmx && node bench/tmx-phases.mjs /tmp/big.tmx
import v8 from "node:v8";
import vm from "node:vm";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");
const dist = new URL("../dist/", import.meta.url).href;
const P = await import(dist + "pipeline.js");
const { streamTmx } = await import(dist + "cli/tmxstream.js");
const { resources } = await import(dist + "cli/resources.js");
const { buildReviewFiles } = await import(dist + "export/review/index.js");

const file = process.argv[2];
if (!file) {
  console.error("usage: node bench/tmx-phases.mjs FILE.tmx");
  process.exit(2);
}
const mb = (x) => (x / 1048576).toFixed(0);
let t = performance.now();
const mark = (what) => {
  const rss = process.memoryUsage().rss;
  const peak = process.resourceUsage().maxRSS * 1024;
  const before = v8.getHeapStatistics().used_heap_size;
  gc();
  const live = v8.getHeapStatistics().used_heap_size;
  console.log(`${what.padEnd(18)} ${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s  rss ${mb(rss)} MB  peak ${mb(peak)} MB  heap ${mb(before)} -> live ${mb(live)} MB`);
  t = performance.now();
};

mark("start");
const res = await resources("/nonexistent-glossary");
mark("engines");
const seg = P.segmentInput({ kind: "tmx", src: streamTmx(file) }, res);
mark("read");
const zhTokens = seg.zh.map((s) => res.zhTag(s.text));
mark("jieba");
const en = P.englishMentions(seg, res);
mark("compromise");
let an = P.completeInput(seg, zhTokens, en, res);
const count = (side) => side.reduce((n, ms) => n + ms.length, 0);
console.log(`  mentions: ${count(an.mentions.en)} English, ${count(an.mentions.zh)} Chinese`);
mark("spotting");
let chars = 0;
const corpus = new P.CorpusRun(res, { now: () => new Date(0) }, (c) => (chars += c.length));
corpus.addAligned(an.aligned, "tmx", an.mentions);
an = undefined;
mark("counting, TMX");
// Private fields, read for the figures only.
const c = corpus.totals.counts;
const posted = (side) => [...side.values()].reduce((n, beads) => n + beads.length, 0);
console.log(`  ${c.beads} beads; ${c.en.size} English keys in ${posted(c.en)} places, ${c.zh.size} Chinese keys in ${posted(c.zh)}`);
const result = corpus.finish({});
mark("linking, CSV");
const review = await buildReviewFiles({ terms: result.terms, report: result.report, beads: result.reportBeads, reviewBelow: 0.5 });
mark("review files");
console.log(`  ${result.terms.length} term pairs, TMX ${chars} characters, review.xlsx ${review.xlsx.length} bytes, report.html ${review.html.length} characters`);
