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

/** BCP 47 case: language lower, script title, region upper (`zh-hant-tw` → `zh-Hant-TW`). */
export function canonicalLang(code: string): string {
  return code
    .split("-")
    .map((p, k) => (k === 0 ? p.toLowerCase() : p.length === 4 ? p[0]!.toUpperCase() + p.slice(1).toLowerCase() : p.length === 2 ? p.toUpperCase() : p))
    .join("-");
}

const TRADITIONAL = /^zh-(hant|tw|hk|mo)(-|$)|^zh-hant/;

const isZh = (l: string): boolean => l.split("-")[0] === "zh";

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
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a substring
 * of 13 or more characters as a view of its parent: one segment kept from a block would keep
 * the whole decoded block (a megabyte or two) alive, and with a kept segment in most blocks
 * the file would end up in memory after all. The concatenation is flattened into a new string.
 */
const own = (s: string): string => (s.length < 13 ? s : (" " + s).slice(1));

/**
 * Parses a TMX into units, streaming (no DOM): text is fed in chunks with `write`, so a large
 * memory is never held whole; only the English and Chinese variants are read, and each unit is
 * handed to `onUnit` when it closes and then forgotten.
 */
class UnitParser {
  readonly langs = new Set<string>();
  /** Units seen, usable or not. */
  count = 0;
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

  constructor(
    private readonly src: TmxSource,
    onUnit: (u: Unit) => void,
  ) {
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
        this.count++;
        onUnit(tu);
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
  close(): void {
    this.feed(this.carry, true);
    this.guard(() => this.parser.close());
    if (this.root === undefined) fail(this.src, "malformed-tmx", "the file has no XML element", "pass a TMX file");
    if (!this.sawBody) fail(this.src, "malformed-tmx", "the TMX has no <body>", "export the memory again from your CAT tool");
  }

  /** Characters of text waiting for the next chunk (a reference or marker cut in two): a few at most. */
  get pending(): number {
    return this.carry.length;
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
 * that a large memory is never held whole (see `TmxChunkReader`).
 */
export function readTmxChunks(src: TmxSource, chunks: Iterable<string>, opts: TmxReadOptions = {}): AlignedDoc {
  const reader = new TmxChunkReader(src, opts);
  for (const chunk of chunks) reader.write(chunk);
  return reader.close();
}

/** A unit with both languages, kept until the end decides its Chinese (the script is known only then). */
interface Candidate {
  index: number;
  meta: UnitMeta;
  en: Variant;
  /** The variant in the code asked for, the first Simplified and the first Traditional one. */
  zhExact: Variant | undefined;
  hans: Variant | undefined;
  hant: Variant | undefined;
}

/**
 * The TMX reader fed piece by piece. What it keeps grows with the usable units only: a unit
 * without both languages is counted as skipped when it closes and its text dropped, and every
 * kept string is copied out of the chunk it came from (see `own`), so that neither the file's
 * text nor its unusable units stay in memory.
 */
export class TmxChunkReader {
  private readonly parser: UnitParser;
  private readonly candidates: Candidate[] = [];
  private readonly skipped = new Map<string, { count: number; line: number; index: number }>();
  private readonly isEn: (lang: string) => boolean;
  private readonly zhWanted: string;
  private hasHans = false;

  constructor(
    private readonly src: TmxSource,
    opts: TmxReadOptions = {},
  ) {
    const enWanted = normaliseLang(opts.en ?? "en");
    this.zhWanted = normaliseLang(opts.zh ?? "zh");
    this.isEn = (l) => (enWanted.includes("-") ? l === enWanted : l.split("-")[0] === enWanted);
    this.parser = new UnitParser(src, (u) => this.take(u));
  }

  /** Feeds the next piece of the decoded text. */
  write(chunk: string): void {
    this.parser.write(chunk);
  }

  /** What the reader holds: the usable units so far, and text waiting for the next chunk (characters). */
  get retained(): { units: number; pendingText: number } {
    return { units: this.candidates.length, pendingText: this.parser.pending };
  }

  private skip(reason: string, line: number, index: number): void {
    const s = this.skipped.get(reason);
    if (s) s.count++;
    else this.skipped.set(reason, { count: 1, line, index });
  }

  private take(u: Unit): void {
    const index = this.parser.count - 1;
    const zhs = u.variants.filter((v) => isZh(v.lang));
    if (zhs.some((v) => script(v.lang) === "hans")) this.hasHans = true;
    const e = u.variants.find((v) => this.isEn(v.lang));
    if (!e) return this.skip("no English variant", u.meta.line, index);
    if (zhs.length === 0) return this.skip("no Chinese variant", u.meta.line, index);
    const keep = (v: Variant | undefined): Variant | undefined => (v ? { ...v, text: own(segmentSpace(v.text)) } : undefined);
    const hans = zhs.find((v) => script(v.lang) === "hans");
    const hant = zhs.find((v) => script(v.lang) === "hant");
    const exact = zhs.find((v) => v.lang === this.zhWanted);
    const { tuid, props, notes, line } = u.meta;
    const meta: UnitMeta = { props: props.map((p) => ({ type: own(p.type), value: own(p.value) })), notes: notes.map(own), line, ...(tuid !== undefined ? { tuid: own(tuid) } : {}) };
    // The same variant object is shared when it is both the exact and the script's first one.
    const same = new Map<Variant, Variant | undefined>([exact, hans, hant].filter((v): v is Variant => v !== undefined).map((v) => [v, keep(v)]));
    const at = (v: Variant | undefined): Variant | undefined => (v ? same.get(v) : undefined);
    this.candidates.push({ index, meta, en: keep(e)!, zhExact: at(exact), hans: at(hans), hant: at(hant) });
  }

  /** Ends the text and turns the usable units into sentences and 1-1 beads. */
  close(): AlignedDoc {
    const { src, parser, zhWanted } = this;
    parser.close();
    // Never mix scripts in one memory: keep the one asked for, else Simplified when the file has any.
    const wantScript = zhWanted.includes("-") ? script(zhWanted) : this.hasHans ? "hans" : "hant";
    const en: Sentence[] = [];
    const zh: Sentence[] = [];
    const beads: Bead[] = [];
    const metas: UnitMeta[] = [];
    const seen = new Set<string>();
    const zhCodes = new Map<string, number>();
    for (const c of this.candidates) {
      const e = c.en;
      const z = c.zhExact ?? (wantScript === "hans" ? c.hans : c.hant);
      const line = c.meta.line;
      if (!z) this.skip(wantScript === "hans" ? "only Traditional Chinese (the memory is Simplified)" : "only Simplified Chinese (Traditional asked for)", line, c.index);
      else if (!e.text || !z.text) this.skip("an empty segment", line, c.index);
      else if (seen.has(`${e.text}\u0000${z.text}`)) this.skip("a duplicate of an earlier unit", line, c.index);
      else {
        seen.add(`${e.text}\u0000${z.text}`);
        const k = beads.length;
        en.push({ doc: src.id, lang: "en", text: e.text, start: e.start, end: e.end, line: e.line, paragraph: k });
        zh.push({ doc: src.id, lang: "zh", text: z.text, start: z.start, end: z.end, line: z.line, paragraph: k });
        beads.push({ en: [k], zh: [k], score: 1 });
        metas.push(c.meta);
        zhCodes.set(z.lang, (zhCodes.get(z.lang) ?? 0) + 1);
      }
    }
    this.candidates.length = 0;
    if (beads.length === 0) {
      const found = [...parser.langs].sort().join(", ") || "none";
      fail(src, "no-pairs", `no unit has both English and Chinese (languages found: ${found}; ${parser.count} units)`, "pass a TMX with en and zh variants, or the source documents");
    }
    // In the order of the first unit skipped for each reason (some are only decided here, at the end).
    const diagnostics: Diagnostic[] = [...this.skipped]
      .sort((a, b) => a[1].index - b[1].index)
      .map(([reason, s]) => ({
        code: "tmx-unit-skipped",
        severity: "warning",
        message: `${s.count} unit(s) skipped: ${reason} (first at line ${s.line})`,
        file: src.path,
        line: s.line,
      }));
    // The memory written keeps the input's own Chinese code (the most used one) for Traditional.
    const zhLang = [...zhCodes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    return {
      doc: src.id, path: src.path, encodings: [src.encoding], en, zh, beads, units: metas, diagnostics, paragraphs: { en: en.length, zh: zh.length },
      ...(wantScript === "hant" ? { zhScript: "hant" as const, ...(zhLang ? { zhLang: canonicalLang(zhLang) } : {}) } : {}),
    };
  }
}
