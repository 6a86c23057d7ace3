import type { SaxesTagPlain } from "saxes";
import { safeParser, UnsafeXml } from "../ingest/xml.js";
import { ALSO, COMMENT_SEP, DOMAIN, FORBIDDEN_MARK, LIST_SEP, VARIANT_OF } from "../export/omegat.js";
import { TermbridgeError, type DiagnosticCode, type GlossaryEntry } from "../model/index.js";

/**
 * A glossary entry read from another tool's file: the concept and the decision, with the
 * run evidence and dates left empty for the store to fill (or not).
 */
export type ImportedEntry = GlossaryEntry;

function entry(fields: Pick<GlossaryEntry, "id" | "en" | "zh" | "status" | "enVariants" | "zhVariants" | "note" | "domain">): ImportedEntry {
  return { ...fields, score: "", enCount: "", zhCount: "", exampleEn: "", exampleZh: "", firstSeen: "", lastSeen: "", updated: "", extra: {} };
}

function fail(code: DiagnosticCode, file: string, message: string, hint: string, line?: number): never {
  throw new TermbridgeError({ code, message, file, hint, ...(line !== undefined ? { line } : {}) });
}

/** Primary language subtag, any case, `_` accepted (DESIGN.md: reading is tolerant). */
function primary(code: string): string {
  return code.trim().toLowerCase().replace(/_/g, "-").split("-")[0] ?? "";
}

interface TbxTermRead {
  text: string;
  deprecated: boolean;
}

interface TbxConceptRead {
  id: string;
  line: number;
  en: TbxTermRead[];
  zh: TbxTermRead[];
  notes: string[];
  domain: string;
}

/** `administrativeStatus` (TBX-Basic) or the older `normativeAuthorization` with a deprecated value. */
const STATUS_TYPES = new Set(["administrativestatus", "normativeauthorization"]);

/**
 * Reads a TBX glossary, v2 (`martif/text/body/termEntry/langSet/(tig|ntig)/…/term`) or v3
 * (`tbx/text/body/conceptEntry/langSec/termSec/term`), streaming with saxes.
 *
 * Per concept: the English and Chinese language sections are found by primary subtag
 * (`en-US`, `EN_gb`, `zh-Hans` …); the first term is the main one, the rest variants.
 * A Chinese term marked `deprecatedTerm-admn-sts` is a wrong translation: when all the
 * Chinese terms are deprecated the entry is `forbidden`; when only some are, they become a
 * second, `forbidden` entry (id + `-forbidden`) beside the `approved` one. Everything else is
 * `approved`: a glossary someone chose to hand over is a decision already. Concept-level
 * `<note>`s (joined by a line break) become the note, `<descrip type="subjectField">` the domain.
 *
 * @throws TermbridgeError `malformed-xml` (not well-formed, with the line) or
 *   `malformed-glossary` (not TBX, or a concept without an English or a Chinese term).
 */
export function readTbx(text: string, file: string): ImportedEntry[] {
  const src = text.startsWith("\uFEFF") ? text.slice(1) : text;
  // Internal DOCTYPE entities expanded with limits, external ones refused, `&constructor;` not answered by Object.prototype.
  const parser = safeParser();
  const concepts: TbxConceptRead[] = [];
  let root: string | undefined;
  let concept: TbxConceptRead | undefined;
  let lang: "en" | "zh" | "other" | undefined;
  let term: TbxTermRead | undefined; // the last term of the current tig/ntig/termSec
  let capture: { kind: "term" | "note" | "domain" | "status"; text: string } | undefined;
  let depthInLang = 0;

  const local = (name: string): string => name.slice(name.indexOf(":") + 1);
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (root === undefined) {
      root = name;
      if (name !== "martif" && name !== "tbx") {
        fail("malformed-glossary", file, `the root element is <${tag.name}>, not TBX <martif> (v2) or <tbx> (v3)`, "pass a TBX file exported by a terminology tool", parser.line);
      }
      return;
    }
    if (lang !== undefined) depthInLang++;
    switch (name) {
      case "termEntry":
      case "conceptEntry":
        concept = { id: String(tag.attributes.id ?? ""), line: parser.line, en: [], zh: [], notes: [], domain: "" };
        break;
      case "langSet":
      case "langSec": {
        const code = String(tag.attributes["xml:lang"] ?? tag.attributes.lang ?? "");
        const p = primary(code);
        lang = p === "en" || p === "zh" ? p : "other";
        depthInLang = 0;
        break;
      }
      case "tig":
      case "ntig":
      case "termSec":
        term = undefined;
        break;
      case "term":
        if (concept && lang) capture = { kind: "term", text: "" };
        break;
      case "termNote":
        if (term && STATUS_TYPES.has(String(tag.attributes.type ?? "").toLowerCase())) capture = { kind: "status", text: "" };
        break;
      case "note":
        // Only concept-level notes: a note inside a language section is about one term.
        if (concept && lang === undefined) capture = { kind: "note", text: "" };
        break;
      case "descrip":
        if (concept && lang === undefined && tag.attributes.type === "subjectField") capture = { kind: "domain", text: "" };
        break;
    }
  });
  const onText = (t: string): void => {
    if (capture) capture.text += t;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (capture && name === { term: "term", status: "termNote", note: "note", domain: "descrip" }[capture.kind]) {
      const value = capture.kind === "note" ? capture.text.trim() : capture.text.replace(/\s+/g, " ").trim();
      if (capture.kind === "term" && concept && (lang === "en" || lang === "zh") && value) {
        term = { text: value, deprecated: false };
        concept[lang].push(term);
      } else if (capture.kind === "status" && term) {
        term.deprecated = /deprecated|forbidden/i.test(value);
      } else if (capture.kind === "note" && concept && value) {
        concept.notes.push(value);
      } else if (capture.kind === "domain" && concept) {
        concept.domain = value;
      }
      capture = undefined;
    }
    if (lang !== undefined) {
      if (depthInLang === 0) lang = undefined;
      else depthInLang--;
    }
    if ((name === "termEntry" || name === "conceptEntry") && concept) {
      concepts.push(concept);
      concept = undefined;
    }
  });
  parser.on("error", (e: Error) => {
    throw e;
  });
  try {
    parser.write(src).close();
  } catch (e) {
    if (e instanceof TermbridgeError) throw e;
    if (e instanceof UnsafeXml) fail("unsafe-xml", file, e.message, e.hint, parser.line);
    let msg = String((e as Error).message).replace(/^(?:[^:]*:)?\d+:\d+: /, "").replace(/\.$/, "");
    if (/undefined entity/.test(msg)) msg = "it uses an entity the file does not declare (XML itself knows only &amp; &lt; &gt; &quot; &apos;)";
    fail("malformed-xml", file, `the TBX is not well-formed XML: ${msg}`, "the file is damaged or truncated; export it again", parser.line);
  }
  if (root === undefined) fail("malformed-glossary", file, "the file has no XML element", "pass a TBX file");

  const out: ImportedEntry[] = [];
  concepts.forEach((c, k) => {
    const id = c.id || `tbx-${k + 1}`;
    if (c.en.length === 0 || c.zh.length === 0) {
      const missing = c.en.length === 0 ? "English" : "Chinese";
      fail("malformed-glossary", file, `the concept entry${c.id ? ` "${c.id}"` : ""} has no ${missing} term`, "every entry needs an en and a zh term (xml:lang en… and zh…)", c.line);
    }
    const en = c.en.map((t) => t.text);
    const good = c.zh.filter((t) => !t.deprecated).map((t) => t.text);
    const bad = c.zh.filter((t) => t.deprecated).map((t) => t.text);
    const base = { en: en[0]!, enVariants: en.slice(1), note: c.notes.join("\n"), domain: c.domain };
    if (good.length > 0) out.push(entry({ ...base, id, zh: good[0]!, zhVariants: good.slice(1), status: "approved" }));
    if (bad.length > 0) out.push(entry({ ...base, id: good.length > 0 ? `${id}-forbidden` : id, zh: bad[0]!, zhVariants: bad.slice(1), status: "forbidden" }));
  });
  return out;
}

export interface OmegatReadOptions {
  /** Which language the first column holds (default "en"). */
  srcLang?: "en" | "zh";
}

/**
 * Reads an OmegaT tab-separated glossary: `source<TAB>target[<TAB>comment]`, lines starting
 * with `#` and blank lines skipped, a leading BOM tolerated, CR LF accepted. The comment is
 * the note, except for the parts `buildOmegatGlossary` writes at its start (in that order,
 * separated by " | "): `FORBIDDEN: do not use` → status `forbidden`, `variant of: X` → this
 * source is a variant of the entry whose source is X (same target), `also: a; b` → target
 * variants, `domain: D` → domain. Every other entry is `approved`. Fields after the third
 * are ignored, as OmegaT does.
 *
 * @throws TermbridgeError `malformed-glossary` with the line: a line with one field, an empty
 *   source or target. A `variant of:` line whose main line is missing becomes an entry of its own.
 */
export function readOmegatGlossary(text: string, file: string, opts: OmegatReadOptions = {}): ImportedEntry[] {
  const srcIsZh = opts.srcLang === "zh";
  const lines = (text.startsWith("\uFEFF") ? text.slice(1) : text).split(/\r?\n/);
  interface Row {
    line: number;
    source: string;
    target: string;
    forbidden: boolean;
    variantOf: string | undefined;
    also: string[];
    domain: string;
    note: string;
  }
  const rows: Row[] = [];
  lines.forEach((raw, k) => {
    const line = k + 1;
    if (raw.startsWith("#") || raw.trim() === "") return;
    const fields = raw.split("\t");
    if (fields.length < 2) {
      fail("malformed-glossary", file, `line ${line} has one field, expected source<TAB>target[<TAB>comment]`, "separate the fields with a TAB (not spaces or commas)", line);
    }
    const source = fields[0]!.trim();
    const target = fields[1]!.trim();
    if (!source || !target) {
      fail("malformed-glossary", file, `line ${line} has an empty ${source ? "target" : "source"} term`, "give every line both terms, or start it with # to make it a comment", line);
    }
    let rest = (fields[2] ?? "").trim();
    const take = (prefix: string): string | undefined => {
      if (!rest.startsWith(prefix)) return undefined;
      const end = rest.indexOf(COMMENT_SEP);
      const value = rest.slice(prefix.length, end < 0 ? undefined : end);
      rest = end < 0 ? "" : rest.slice(end + COMMENT_SEP.length);
      return value;
    };
    const forbidden = take(FORBIDDEN_MARK) !== undefined;
    const variantOf = take(VARIANT_OF);
    const also = take(ALSO);
    const domain = take(DOMAIN);
    rows.push({ line, source, target, forbidden, variantOf, also: also ? also.split(LIST_SEP).filter(Boolean) : [], domain: domain ?? "", note: rest });
  });

  const out: ImportedEntry[] = [];
  const mains = new Map<string, ImportedEntry>();
  const key = (source: string, target: string, forbidden: boolean): string => `${source}\t${target}\t${forbidden}`;
  const standalone = (r: Row): ImportedEntry => {
    const [en, zh] = srcIsZh ? [r.target, r.source] : [r.source, r.target];
    return entry({
      id: `omegat-${r.line}`,
      en,
      zh,
      status: r.forbidden ? "forbidden" : "approved",
      enVariants: srcIsZh ? r.also : [],
      zhVariants: srcIsZh ? [] : r.also,
      note: r.note,
      domain: r.domain,
    });
  };
  for (const r of rows) {
    if (r.variantOf !== undefined) continue;
    const e = standalone(r);
    mains.set(key(r.source, r.target, r.forbidden), e);
    out.push(e);
  }
  for (const r of rows) {
    if (r.variantOf === undefined) continue;
    const main = mains.get(key(r.variantOf, r.target, r.forbidden));
    // The main line may be gone (edited out, or written once under another entry): the
    // variant then stands on its own rather than failing the whole file.
    if (main) (srcIsZh ? main.zhVariants : main.enVariants).push(r.source);
    else out.push(standalone(r));
  }
  return out;
}
