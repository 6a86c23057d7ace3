import { SaxesParser } from "saxes";

/**
 * Limits on internal entities (a DOCTYPE's `<!ENTITY name "value">`), against entity bombs:
 * "billion laughs" nests entities so that a few hundred bytes expand to gigabytes, and a
 * "quadratic blowup" uses one large entity very many times.
 */
export const ENTITY_LIMITS = {
  /** Characters one entity may expand to (a company name or a product string needs far fewer). */
  maxEntityLength: 100_000,
  /** Characters all entity references of a file may expand to together. */
  maxExpanded: 10_000_000,
} as const;

/** Why a file's XML cannot be read safely; the reader turns it into its error. */
export class UnsafeXml extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

const PREDEFINED: ReadonlyMap<string, string> = new Map([["amp", "&"], ["lt", "<"], ["gt", ">"], ["quot", '"'], ["apos", "'"]]);

const DECL = /<!ENTITY\s+(%\s+)?([^\s"'>%]+)\s+((?:"[^"]*"|'[^']*'|[^>"'])*)>/g;

/**
 * The general entities a DOCTYPE's internal subset declares, fully expanded (nested
 * references and character references resolved, XML 1.0 §4.4-4.5). External entities
 * (`SYSTEM`/`PUBLIC`) are never fetched: a document that declares one is refused, since a
 * file must not make termbridge read other files or URLs (XXE).
 */
export function internalEntities(doctype: string): Map<string, string> {
  const subset = doctype.replace(/<!--[\s\S]*?-->/g, "");
  const raw = new Map<string, string>();
  for (const m of subset.matchAll(DECL)) {
    const [, percent, name, body] = m as unknown as [string, string | undefined, string, string];
    const b = body.trim();
    if (/^(SYSTEM|PUBLIC)\b/.test(b)) {
      throw new UnsafeXml(
        `the file declares an external entity (${percent ? "%" : "&"}${name}; → ${b.replace(/\s+/g, " ").slice(0, 80)}), which could read other files or URLs`,
        "termbridge never loads external entities: remove the <!ENTITY … SYSTEM/PUBLIC> declaration or export the file again from your tool",
      );
    }
    const q = b[0];
    if (percent || (q !== '"' && q !== "'")) continue; // parameter entities only shape the DTD, which is not read
    if (!raw.has(name)) raw.set(name, b.slice(1, b.lastIndexOf(q)));
  }
  const done = new Map<string, string>();
  const expand = (name: string, stack: string[]): string => {
    const got = done.get(name);
    if (got !== undefined) return got;
    if (stack.includes(name)) throw new UnsafeXml(`the entity &${name}; refers to itself (${[...stack, name].join(" → ")})`, "fix the DOCTYPE's entity declarations or export the file again");
    const value = raw.get(name)!;
    let out = "";
    let last = 0;
    for (const r of value.matchAll(/&(#x[0-9a-fA-F]+|#[0-9]+|[^\s&;]+);/g)) {
      out += value.slice(last, r.index);
      last = r.index! + r[0].length;
      const ref = r[1]!;
      if (ref[0] === "#") out += String.fromCodePoint(ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
      else if (PREDEFINED.has(ref)) out += PREDEFINED.get(ref)!;
      else if (raw.has(ref)) out += expand(ref, [...stack, name]);
      else throw new UnsafeXml(`the entity &${name}; uses &${ref};, which is not declared`, "declare it in the DOCTYPE or export the file again");
      if (out.length > ENTITY_LIMITS.maxEntityLength) throw bomb(name);
    }
    out += value.slice(last);
    if (out.length > ENTITY_LIMITS.maxEntityLength) throw bomb(name);
    done.set(name, out);
    return out;
  };
  for (const name of raw.keys()) expand(name, []);
  return done;
}

const bomb = (name: string): UnsafeXml =>
  new UnsafeXml(
    `the entity &${name}; expands to more than ${ENTITY_LIMITS.maxEntityLength.toLocaleString("en-US")} characters (an entity bomb such as "billion laughs")`,
    "termbridge refuses to expand it; remove the DOCTYPE's entity declarations or export the file again",
  );

/**
 * A saxes parser with prototype-safe entities: saxes looks entities up in an object that
 * inherits from `Object.prototype`, so `&constructor;` would read as the source of a
 * function. The internal entities a DOCTYPE declares are added (see `internalEntities`),
 * and every use is counted against `ENTITY_LIMITS.maxExpanded`.
 */
export function safeParser(): SaxesParser<{ xmlns: false; position: true }> {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const entities = Object.create(null) as Record<string, string>;
  for (const [k, v] of PREDEFINED) entities[k] = v;
  parser.ENTITIES = entities;
  let expanded = 0;
  parser.on("doctype", (doctype: string) => {
    for (const [name, value] of internalEntities(doctype)) {
      if (PREDEFINED.has(name)) continue;
      Object.defineProperty(entities, name, {
        enumerable: true,
        get: () => {
          expanded += value.length;
          if (expanded > ENTITY_LIMITS.maxExpanded) {
            throw new UnsafeXml(
              `entity references expand to more than ${ENTITY_LIMITS.maxExpanded.toLocaleString("en-US")} characters in all (an entity bomb)`,
              "termbridge refuses to expand them; remove the DOCTYPE's entity declarations or export the file again",
            );
          }
          return value;
        },
      });
    }
  });
  return parser;
}
