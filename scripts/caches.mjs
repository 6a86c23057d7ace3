#!/usr/bin/env node
// Builds the sorted tables the program reads at start (CC-CEDICT, jieba's IDF, the English word
// list) beside the compiled code, so the first run does not pay for indexing. Run by `npm run build`.
import { loadCedict } from "../dist/lexicon/cedict.js";
import { loadJiebaIdf } from "../dist/lexicon/idf.js";
import { loadWordList } from "../dist/ingest/words.js";

await loadCedict();
loadJiebaIdf();
loadWordList();
