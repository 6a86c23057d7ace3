import { create } from "xmlbuilder2";
import type { GlossaryEntry } from "../model/index.js";
import { foldSpace } from "./termtext.js";
import { stripInvalidXml, xmlAttr, xmlText } from "./xmltext.js";

/**
 * The three TBX-Basic values of `administrativeStatus` (TBX-Basic data category list,
 * `<termNote type="administrativeStatus">`, the same picklist in v2 and v3).
 */
export type TbxAdminStatus = "preferredTerm-admn-sts" | "admittedTerm-admn-sts" | "deprecatedTerm-admn-sts";

export interface TbxTerm {
  text: string;
  /** Absent: no reviewer decision to state (see {@link buildTbx} on candidates). */
  status?: TbxAdminStatus;
}

export interface TbxLangSet {
  /** Written as given (`en-US`, `zh-CN`, …): TBX `xml:lang` takes any BCP 47 code. */
  lang: string;
  /** Main term first, then variants: synonyms share one concept entry (ISO 30042, concept orientation). */
  terms: TbxTerm[];
}

export interface TbxConcept {
  /** A valid XML ID (an NCName: no leading digit), unique in the file. */
  id: string;
  /** `<descrip type="subjectField">` at concept level (the same in v2 and v3 TBX-Basic). */
  subjectField?: string;
  note?: string;
  /** Source language first, then target: exactly two (DESIGN.md: some readers take the first two langSets). */
  langSets: [TbxLangSet, TbxLangSet];
}

export interface TbxHeader {
  version: 2 | 3;
  /** The `<sourceDesc><p>` text: tool, version and export date. */
  sourceDesc: string;
}

export interface TbxModel {
  header: TbxHeader;
  concepts: TbxConcept[];
}

export interface TbxOptions {
  version: 2 | 3;
  srcLang: string;
  tgtLang: string;
  /** The injected clock: the only date in the file. */
  now: Date;
  toolVersion: string;
}

/** A term: whitespace (tabs, line breaks) folded to one space (none inside Chinese), then invalid XML characters removed. */
function cleanTerm(text: string): string {
  return foldSpace(stripInvalidXml(foldSpace(text)).text);
}

/**
 * A note or domain keeps its line breaks (XML text may hold them). U+000B (a Word line break)
 * and U+000C (a PDF page break) are line breaks too, but XML forbids them: they become LF;
 * the other forbidden characters go.
 */
function cleanText(text: string): string {
  return stripInvalidXml(text.replace(/[\u000b\u000c]/g, "\n")).text.trim();
}

/**
 * XML IDs are NCNames (XML Namespaces §3, `xml:id`/`ID` type): a letter or `_` first, then
 * letters, digits, `.`, `-`, `_`. Our own ids (`t` + hex) already are; imported ones may not be.
 */
const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function xmlId(id: string, used: Set<string>): string {
  let base = id.trim();
  if (!NCNAME.test(base)) {
    base = base.replace(/[^A-Za-z0-9_.-]/g, "_");
    if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
  }
  let out = base;
  for (let n = 2; used.has(out); n++) out = `${base}-${n}`;
  used.add(out);
  return out;
}

/** Main term then variants, cleaned, without empties or repeats. */
function termList(main: string, variants: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of [main, ...variants].map(cleanTerm)) if (t && !out.includes(t)) out.push(t);
  return out;
}

const isZhCode = (code: string): boolean => code.trim().toLowerCase().replace(/_/g, "-").split("-")[0] === "zh";

/**
 * Builds a TBX model (v2 `martif` or v3 TBX-Basic `tbx`) from glossary entries, one concept
 * entry per glossary entry, in the order given.
 *
 * Status mapping (TBX-Basic `administrativeStatus`):
 * - `approved`: the main terms are `preferredTerm-admn-sts`, the variants `admittedTerm-admn-sts`.
 * - `candidate`: no status at all. No reviewer has looked at the pair yet; `admittedTerm` would
 *   claim that someone admitted it, and a term without status is what TBX-Basic leaves for
 *   "not decided". CAT tools show such terms as ordinary matches.
 * - `forbidden`: the Chinese terms are `deprecatedTerm-admn-sts` (a wrong translation to warn
 *   about, DESIGN.md); the English terms carry no status, since the concept itself is fine.
 * - `rejected`: left out — a pair that must not come back is not terminology to hand out.
 *
 * Entries whose English or Chinese term is empty after cleaning are left out too: every
 * reader needs a term in both languages.
 */
export function buildTbx(entries: readonly GlossaryEntry[], opts: TbxOptions): TbxModel {
  const srcIsZh = isZhCode(opts.srcLang);
  const used = new Set<string>();
  const concepts: TbxConcept[] = [];
  for (const e of entries) {
    if (e.status === "rejected") continue;
    const en = termList(e.en, e.enVariants);
    const zh = termList(e.zh, e.zhVariants);
    if (en.length === 0 || zh.length === 0) continue;
    const statusOf = (lang: "en" | "zh", k: number): TbxAdminStatus | undefined => {
      if (e.status === "approved") return k === 0 ? "preferredTerm-admn-sts" : "admittedTerm-admn-sts";
      if (e.status === "forbidden" && lang === "zh") return "deprecatedTerm-admn-sts";
      return undefined;
    };
    const terms = (lang: "en" | "zh", list: string[]): TbxTerm[] =>
      list.map((text, k) => {
        const status = statusOf(lang, k);
        return status ? { text, status } : { text };
      });
    const enSet: TbxLangSet = { lang: srcIsZh ? opts.tgtLang : opts.srcLang, terms: terms("en", en) };
    const zhSet: TbxLangSet = { lang: srcIsZh ? opts.srcLang : opts.tgtLang, terms: terms("zh", zh) };
    const concept: TbxConcept = { id: xmlId(e.id || `e${concepts.length + 1}`, used), langSets: srcIsZh ? [zhSet, enSet] : [enSet, zhSet] };
    const domain = cleanText(e.domain);
    const note = cleanText(e.note);
    if (domain) concept.subjectField = domain;
    if (note) concept.note = note;
    concepts.push(concept);
  }
  const day = opts.now.toISOString().slice(0, 10);
  return { header: { version: opts.version, sourceDesc: `Exported by termbridge ${opts.toolVersion} on ${day}` }, concepts };
}

const TBX3_NS = "urn:iso:std:iso:30042:ed-2";

/**
 * Serialises a TBX model, UTF-8 without BOM.
 *
 * v2 (ISO 30042:2008, TBX-Basic 2.x): `<martif type="TBX" xml:lang="en">`, `martifHeader/fileDesc/sourceDesc`,
 * `text/body/termEntry/langSet/tig/term`. `<tig>` rather than `<ntig>`: OmegaT and most
 * tools bind `tig` (DESIGN.md). v3 (ISO 30042:2019, TBX-Basic dialect, DCA style):
 * `<tbx type="TBX-Basic" style="dca">` in the `urn:iso:std:iso:30042:ed-2` namespace,
 * `tbxHeader/fileDesc/sourceDesc`, `text/body/conceptEntry/langSec/termSec/term`.
 * In both, concept-level `descrip`/`note` come before the language sections, and
 * `termNote` follows its `term` (core structure: auxInfo before langSet, term first in tig/termSec).
 */
export function serializeTbx(model: TbxModel): string {
  const v3 = model.header.version === 3;
  const doc = create({ version: "1.0", encoding: "UTF-8" });
  // Every string goes through xmlText/xmlAttr (xmltext.ts): xmlbuilder2 alone writes "&nbsp;" text raw.
  const root = v3
    ? doc.ele(TBX3_NS, "tbx", { type: "TBX-Basic", style: "dca", "xml:lang": "en" })
    : doc.ele("martif", { type: "TBX", "xml:lang": "en" });
  const header = root.ele(v3 ? "tbxHeader" : "martifHeader");
  header.ele("fileDesc").ele("sourceDesc").ele("p").txt(xmlText(model.header.sourceDesc));
  // TBX-Basic v2 names its constraint specification in encodingDesc (TBX-Basic 2.1 §5);
  // v3 names the dialect in the root's `type` instead.
  if (!v3) header.ele("encodingDesc").ele("p", { type: "XCSURI" }).txt("TBXBasicXCSV02.xcs");
  const body = root.ele("text").ele("body");
  for (const c of model.concepts) {
    const entry = body.ele(v3 ? "conceptEntry" : "termEntry", { id: xmlAttr(c.id) });
    if (c.subjectField !== undefined) entry.ele("descrip", { type: "subjectField" }).txt(xmlText(c.subjectField));
    if (c.note !== undefined) entry.ele("note").txt(xmlText(c.note));
    for (const ls of c.langSets) {
      const lang = entry.ele(v3 ? "langSec" : "langSet", { "xml:lang": xmlAttr(ls.lang) });
      for (const t of ls.terms) {
        const group = lang.ele(v3 ? "termSec" : "tig");
        group.ele("term").txt(xmlText(t.text));
        if (t.status) group.ele("termNote", { type: "administrativeStatus" }).txt(t.status);
      }
    }
  }
  return root.end({ prettyPrint: true, indent: "  " }) + "\n";
}
