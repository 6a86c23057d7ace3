import { loadJieba } from "../terms/zh/jieba.js";
import { jiebaOptions } from "./resources.js";

/**
 * The tagging process of a one-document run (see `TaggerProcess`): loads jieba, answers
 * `{ id, texts }` with `{ id, tokens }` (or `{ id, error }`), and exits when the run lets go of it.
 * Its argument is the glossary folder, whose user dictionary jieba loads.
 */
const dir = process.argv[2];
const zh = loadJieba(dir ? jiebaOptions(dir) : {});

process.on("message", (m: { id: number; texts: string[] }) => {
  try {
    process.send!({ id: m.id, tokens: m.texts.map((t) => zh.tag(t)) });
  } catch (e) {
    process.send!({ id: m.id, error: (e as Error)?.message ?? String(e) });
  }
});
// The run is over, or gone: nothing will ask again.
process.on("disconnect", () => process.exit(0));
