import type { SaxesTagPlain } from "saxes";
import { safeParser, UnsafeXml } from "./xml.js";
import { TermbridgeError, type AlignedDoc, type Bead, type Diagnostic, type Sentence, type SourceDoc, type UnitMeta } from "../model/index.js";

export interface TmxReadOptions {
  /** Primary language wanted for the English side (default "en"). */
  en?: string;
  /**
   * Chinese wanted (default "zh": Simplified when the file has it). A code with a region
   * or script (`zh-TW`, `zh-Hant`) asks for that script: units without it are skipped.
   */
  zh?: string;
}

interface Variant {
  lang: string;
  text: string;
  start: number;
  end: number;
  line: number;
}

interface Unit {
  meta: UnitMeta;
  variants: Variant[];
}

/** Normalises a language code: case, `_`, and the legacy `zh_CHS`/`zh_CHT`. */
export function normaliseLang(code: string): string {
  const c = code.trim().toLowerCase().replace(/_/g, "-");
  if (c === "zh-chs") return "zh-hans";
  if (c === "zh-cht") return "zh-hant";
  return c;
}

const TRADITIONAL = /^zh-(hant|tw|hk|mo)(-|$)|^zh-hant/;

/** "hans" or "hant" for a Chinese code (a bare `zh` counts as Simplified). */
function script(code: string): "hans" | "hant" {
  return TRADITIONAL.test(code) ? "hant" : "hans";
}

/**
 * Runs of spaces and tabs become one space and the ends are trimmed, but line breaks a segment
 * holds stay: they are the translator's text (the TMX writer folds the same way).
 */
const segmentSpace = (text: string): string =>
  (text.includes("\n") ? text.replace(/[^\S\n]*\n[^\S\n]*/g, "\n").replace(/[^\S\n]+/g, " ") : text.replace(/\s+/g, " ")).trim();

/** Inline codes whose content is native markup (TMX 1.4b §3.6-3.7): dropped; `<hi>` text is kept. */
const CODE_ELEMENTS = new Set(["bpt", "ept", "ph", "it", "ut", "sub"]);

/** What a TMX reader needs to know about its file: the text itself comes in chunks. */
export type TmxSource = Omit<SourceDoc, "text">;

const fail = (src: TmxSource, code: "malformed-xml" | "malformed-tmx" | "no-pairs" | "unsafe-xml", message: string, hint: string, line?: number): never => {
  throw new TermbridgeError({ code, message, file: src.path, hint, ...(line !== undefined ? { line } : {}) });
};

/** Whether a language is one the reader keeps: other variants of a multilingual memory are not held. */
const kept = (lang: string): boolean => /^(en|zh)(-|$)/.test(lang);

/**
 * Room left at a chunk's end for an entity reference cut in two (`&am` + `p;`): longer
 * names than this are not entity references any reader of ours would expand.
 */
const ENTITY_TAIL = 256;

/** Markers whose halves may fall in two chunks. */
const MARKERS = ["<![CDATA[", "<!--", "]]>", "-->"];

/** An entity or character reference, at a given place (sticky). */
const REFERENCE = /&(?:#\d+;|#x[0-9a-fA-F]+;|[A-Za-z_:][\w.:-]*;)/y;

/**
 * Parses a TMX into units, streaming (no DOM): text is fed in chunks with `write`, so a
 * large memory is never held whole; only the English and Chinese variants are kept.
 */
class UnitParser {
  readonly units: Unit[] = [];
  readonly langs = new Set<string>();
  private readonly parser = safeParser();
  private bom = 0;
  private first = true;
  private carry = "";
  /** Newlines in the text already handed to saxes, for the line of a bare `&`. */
  private lines = 1;
  private root: string | undefined;
  private sawBody = false;
  /** Inside a CDATA section or a comment at the end of the text fed so far. */
  private section: "cdata" | "comment" | undefined;

  constructor(private readonly src: TmxSource) {
    const parser = this.parser;
    let tu: Unit | undefined;
    let tuvLang: string | undefined;
    let seg: { text: string; start: number; line: number } | undefined;
    let skipDepth = 0;
    let textTarget: { kind: "note" | "prop"; type: string; text: string } | undefined;
    let tuvLevel = false;

    parser.on("opentag", (tag: SaxesTagPlain) => {
      const name = tag.name.toLowerCase();
      if (this.root === undefined) {
        this.root = name;
        if (name !== "tmx") fail(src, "malformed-tmx", `the root element is <${tag.name}>, not <tmx>`, "pass a TMX file (File > Export > TMX in your CAT tool)", parser.line);
        return;
      }
      if (seg) {
        if (CODE_ELEMENTS.has(name)) skipDepth++;
        return;
      }
      switch (name) {
        case "body":
          this.sawBody = true;
          break;
        case "tu":
          tu = { meta: { props: [], notes: [], line: parser.line, ...(tag.attributes.tuid ? { tuid: String(tag.attributes.tuid) } : {}) }, variants: [] };
          break;
        case "tuv": {
          const lang = tag.attributes["xml:lang"] ?? tag.attributes.lang ?? tag.attributes["LANG"];
          tuvLang = lang ? normaliseLang(String(lang)) : undefined;
          if (tuvLang) this.langs.add(tuvLang);
          tuvLevel = true;
          break;
        }
        case "seg":
          seg = { text: "", start: parser.position - this.bom, line: parser.line };
          break;
        case "note":
        case "prop":
          if (tu && !tuvLevel) textTarget = { kind: name, type: String(tag.attributes.type ?? ""), text: "" };
          break;
      }
    });
    const onText = (t: string): void => {
      if (seg && skipDepth === 0) {
        if (tuvLang && kept(tuvLang)) seg.text += t;
      } else if (textTarget) textTarget.text += t;
    };
    parser.on("text", onText);
    parser.on("cdata", onText);
    parser.on("closetag", (tag: SaxesTagPlain) => {
      const name = tag.name.toLowerCase();
      if (seg) {
        if (CODE_ELEMENTS.has(name)) skipDepth--;
        else if (name === "seg") {
          if (tu && tuvLang && kept(tuvLang)) tu.variants.push({ lang: tuvLang, text: seg.text, start: seg.start, end: parser.position - this.bom - "</seg>".length, line: seg.line });
          seg = undefined;
        }
        return;
      }
      if (name === "tuv") {
        tuvLevel = false;
        tuvLang = undefined;
      } else if ((name === "note" || name === "prop") && textTarget && tu) {
        if (textTarget.kind === "note") tu.meta.notes.push(textTarget.text.trim());
        else tu.meta.props.push({ type: textTarget.type, value: textTarget.text.trim() });
        textTarget = undefined;
      } else if (name === "tu" && tu) {
        // A unit without both languages is only counted: its text and metadata are not kept.
        const has = (p: string): boolean => tu!.variants.some((v) => v.lang.startsWith(p));
        if (!has("en") || !has("zh")) tu = { meta: { props: [], notes: [], line: tu.meta.line }, variants: tu.variants.map((v) => ({ ...v, text: "" })) };
        else for (const v of tu.variants) v.text = segmentSpace(v.text);
        this.units.push(tu);
        tu = undefined;
      }
    });
    parser.on("error", (e: Error) => {
      throw e;
    });
  }

  /** Feeds the next piece of the decoded text. */
  write(chunk: string): void {
    if (this.first && chunk.length > 0) {
      this.first = false;
      if (chunk.startsWith("\uFEFF")) {
        this.bom = 1;
        chunk = chunk.slice(1);
      }
    }
    this.feed(this.carry + chunk, false);
  }

  /** Ends the text and checks the file had a TMX body. */
  close(): { units: Unit[]; langs: Set<string> } {
    this.feed(this.carry, true);
    this.guard(() => this.parser.close());
    if (this.root === undefined) fail(this.src, "malformed-tmx", "the file has no XML element", "pass a TMX file");
    if (!this.sawBody) fail(this.src, "malformed-tmx", "the TMX has no <body>", "export the memory again from your CAT tool");
    return { units: this.units, langs: this.langs };
  }

  /**
   * saxes reads a bare "&" as the start of an entity and only complains at the end of the
   * file: look for one first. A reference that may be cut by the chunk's end waits for the next.
   */
  private feed(text: string, last: boolean): void {
    let cut = text.length;
    if (!last) {
      const amp = text.lastIndexOf("&", text.length - 1);
      if (amp >= 0 && amp > text.length - ENTITY_TAIL && /^&[#\w.-]*$/.test(text.slice(amp))) cut = amp;
      // A CDATA or comment marker cut in two waits too.
      for (let k = 8; k >= 1; k--) {
        const tail = text.slice(text.length - k);
        if (MARKERS.some((m) => m.length > k && m.startsWith(tail))) {
          cut = Math.min(cut, text.length - k);
          break;
        }
      }
    }
    const piece = text.slice(0, cut);
    this.carry = text.slice(cut);
    const bare = this.bareAmp(piece);
    if (bare >= 0) {
      const line = this.lines + (piece.slice(0, bare).match(/\n/g)?.length ?? 0);
      fail(this.src, "malformed-xml", 'the TMX is not well-formed XML: a bare "&" (XML needs &amp;)', "the file was edited by hand or damaged; fix that character or export it again", line);
    }
    if (!piece) return;
    this.lines += piece.match(/\n/g)?.length ?? 0;
    this.guard(() => this.parser.write(piece));
  }

  /** Where a piece holds an "&" that starts no reference, outside CDATA sections and comments (which may hold one), or -1. */
  private bareAmp(piece: string): number {
    let i = 0;
    while (i < piece.length) {
      if (this.section) {
        const end = piece.indexOf(this.section === "cdata" ? "]]>" : "-->", i);
        if (end < 0) return -1;
        i = end + 3;
        this.section = undefined;
        continue;
      }
      const amp = piece.indexOf("&", i);
      const cdata = piece.indexOf("<![CDATA[", i);
      const comment = piece.indexOf("<!--", i);
      const next = Math.min(...[amp, cdata, comment].map((k) => (k < 0 ? Infinity : k)));
      if (next === Infinity) return -1;
      if (next === amp) {
        REFERENCE.lastIndex = amp;
        if (!REFERENCE.test(piece)) return amp;
        i = amp + 1;
      } else if (next === cdata) {
        this.section = "cdata";
        i = cdata + 9;
      } else {
        this.section = "comment";
        i = comment + 4;
      }
    }
    return -1;
  }

  private guard(step: () => void): void {
    const { src, parser } = this;
    try {
      step();
    } catch (e) {
      if (e instanceof TermbridgeError) throw e;
      if (e instanceof UnsafeXml) fail(src, "unsafe-xml", e.message, e.hint, parser.line);
      let msg = String((e as Error).message).replace(/^(?:[^:]*:)?\d+:\d+: /, "").replace(/\.$/, "");
      if (/unexpected close tag/.test(msg)) msg = "a closing tag does not match the element it should close";
      if (/undefined entity/.test(msg)) msg = "it uses an entity the file does not declare (XML itself knows only &amp; &lt; &gt; &quot; &apos;)";
      const unclosed = /unclosed|unexpected end/i.test(msg);
      fail(
        src,
        "malformed-xml",
        unclosed ? `the TMX ends too early (${msg}): the file is truncated` : `the TMX is not well-formed XML: ${msg}`,
        "the file is damaged or truncated; export it again from your CAT tool",
        parser.line,
      );
    }
  }
}

/**
 * Reads a TMX, as CAT tools write it, into already-aligned English–Chinese pairs:
 * TMX 1.4 `xml:lang` or TMX 1.1 `lang`, any case, `_` separators, legacy `zh_CHS`,
 * `srclang="*all*"` and multilingual units (the two languages asked for are taken),
 * inline codes stripped (the text of `<hi>` kept). Units that cannot be used are
 * counted per reason in warnings with the line of the first one; none is dropped silently.
 */
export function readTmx(src: SourceDoc, opts: TmxReadOptions = {}): AlignedDoc {
  return readTmxChunks(src, [src.text], opts);
}

/**
 * `readTmx` over text that comes in pieces (decoded from a file read a block at a time), so
 * that a large memory is never held whole: only the English and Chinese segments are kept.
 */
export function readTmxChunks(src: TmxSource, chunks: Iterable<string>, opts: TmxReadOptions = {}): AlignedDoc {
  const parser = new UnitParser(src);
  for (const chunk of chunks) parser.write(chunk);
  const { units, langs } = parser.close();
  const enWanted = normaliseLang(opts.en ?? "en");
  const zhWanted = normaliseLang(opts.zh ?? "zh");
  const isEn = (l: string): boolean => (enWanted.includes("-") ? l === enWanted : l.split("-")[0] === enWanted);
  const isZh = (l: string): boolean => l.split("-")[0] === "zh";
  const hasHans = units.some((u) => u.variants.some((v) => isZh(v.lang) && script(v.lang) === "hans"));
  // Never mix scripts in one memory: keep the one asked for, else Simplified when the file has any.
  const wantScript = zhWanted.includes("-") ? script(zhWanted) : hasHans ? "hans" : "hant";

  const skipped = new Map<string, { count: number; line: number }>();
  const skip = (reason: string, line: number): void => {
    const s = skipped.get(reason);
    if (s) s.count++;
    else skipped.set(reason, { count: 1, line });
  };
  const en: Sentence[] = [];
  const zh: Sentence[] = [];
  const beads: Bead[] = [];
  const metas: UnitMeta[] = [];
  const seen = new Set<string>();
  for (const u of units) {
    const e = u.variants.find((v) => isEn(v.lang));
    const zhs = u.variants.filter((v) => isZh(v.lang));
    const z = zhs.find((v) => v.lang === zhWanted) ?? zhs.find((v) => script(v.lang) === wantScript);
    if (!e) skip("no English variant", u.meta.line);
    else if (zhs.length === 0) skip("no Chinese variant", u.meta.line);
    else if (!z) skip(wantScript === "hans" ? "only Traditional Chinese (the memory is Simplified)" : "only Simplified Chinese (Traditional asked for)", u.meta.line);
    else if (!e.text || !z.text) skip("an empty segment", u.meta.line);
    else if (seen.has(`${e.text}\u0000${z.text}`)) skip("a duplicate of an earlier unit", u.meta.line);
    else {
      seen.add(`${e.text}\u0000${z.text}`);
      const k = beads.length;
      en.push({ doc: src.id, lang: "en", text: e.text, start: e.start, end: e.end, line: e.line, paragraph: k });
      zh.push({ doc: src.id, lang: "zh", text: z.text, start: z.start, end: z.end, line: z.line, paragraph: k });
      beads.push({ en: [k], zh: [k], score: 1 });
      metas.push(u.meta);
    }
  }
  if (beads.length === 0) {
    const found = [...langs].sort().join(", ") || "none";
    fail(src, "no-pairs", `no unit has both English and Chinese (languages found: ${found}; ${units.length} units)`, "pass a TMX with en and zh variants, or the source documents");
  }
  const diagnostics: Diagnostic[] = [...skipped].map(([reason, s]) => ({
    code: "tmx-unit-skipped",
    severity: "warning",
    message: `${s.count} unit(s) skipped: ${reason} (first at line ${s.line})`,
    file: src.path,
    line: s.line,
  }));
  if (wantScript === "hant") {
    diagnostics.push({ code: "tmx-unit-skipped", severity: "warning", message: "the Chinese in this memory is Traditional", file: src.path, hint: "write it with --tgt-lang zh-TW (or zh-Hant) so CAT tools match it correctly" });
  }
  return { doc: src.id, path: src.path, encodings: [src.encoding], en, zh, beads, units: metas, diagnostics, paragraphs: { en: en.length, zh: zh.length } };
}
