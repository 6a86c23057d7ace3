import { describe, expect, it } from "vitest";
import type { Mention } from "../../src/model/index.js";
import { createEnTagger } from "../../src/terms/en/compromise.js";
import { enMentions } from "../../src/terms/en/candidates.js";
import { TermCounter } from "../../src/terms/termhood.js";

const tagger = createEnTagger();
const mentions = (s: string): Mention[] => enMentions(s, tagger.tag(s));
const keys = (s: string): string[] => mentions(s).map((m) => m.key);

describe("enMentions: patterns and boundaries", () => {
  const cases: Array<{ name: string; sentence: string; present: string[]; absent: string[] }> = [
    {
      name: "up to two prepositions, an article after each",
      sentence: "We will focus on building a community with a shared future for mankind.",
      present: ["community with a shared future for mankind", "community with a shared future", "shared future"],
      absent: ["building a community", "a shared future"],
    },
    {
      name: "a name is not cut inside a personal name, a title is",
      sentence: "President Xi Jinping met the press.",
      present: ["president xi jinping", "xi jinping", "president"],
      absent: ["jinping", "president xi", "xi"],
    },
    {
      name: "\"and\" before an adjective joins two names, and a name ends in an adjective-like head",
      sentence: "The CPC Central Committee and Foreign Minister Wang Yi spoke of the Global South.",
      present: ["CPC central committee", "foreign minister", "wang yi", "global south"],
      absent: ["central committee and foreign minister", "committee and foreign minister"],
    },
    {
      name: "\"and\" binding single words is one name, and its parts are not names alone",
      sentence: "They praised Belt and Road cooperation.",
      present: ["belt and road"],
      absent: ["belt", "road cooperation and"],
    },
    {
      name: "a company alone after \"and\" is a second name",
      sentence: "Contracts went to Siemens Healthcare and Nokia last year.",
      present: ["siemens healthcare", "nokia"],
      absent: ["siemens healthcare and nokia", "healthcare and nokia"],
    },
    {
      name: "a name before a hyphen suffix stays a name (Oslo-based), two people joined by a hyphen are two names",
      sentence: "The Oslo-based Nordic Data Group hired a Tom Hanks-Meryl Streep team.",
      present: ["oslo", "nordic data group", "tom hanks", "meryl streep"],
      absent: ["oslo-based nordic data group", "based nordic data group", "hanks-meryl"],
    },
    {
      name: "in a title-case headline a capital is no name; a name compromise knows stays one",
      sentence: "Harbour Authority Opens Public Consultation on Coastal Erosion Plans in Norway",
      present: ["coastal erosion", "norway"],
      absent: ["public consultation on coastal erosion", "consultation on coastal erosion plans in norway"],
    },
    {
      name: "a name in the possessive is one name, and a possessive ends a personal name",
      sentence: "The report of the Scottish Marine Science Council's Centre for Coastal Research cites Arden Vale Partners' Holly Brenner.",
      present: ["scottish marine science council", "centre for coastal research", "holly brenner"],
      absent: ["scottish", "council's centre"],
    },
    {
      name: "common words before a one-word name the tagger knows describe it",
      sentence: "Shares of rival carmaker Toyota fell in northern Germany.",
      present: ["toyota", "germany"],
      absent: ["rival carmaker toyota", "carmaker toyota", "northern germany"],
    },
    {
      name: "how often an event is held is not part of its name",
      sentence: "She won the Third Annual Nordic Short Film Festival last year.",
      present: ["nordic short film festival"],
      absent: ["third annual nordic short film festival", "annual nordic short film festival"],
    },
    {
      name: "common words before a name joined by a connector describe it: the span does not stop inside the name",
      sentence: "They backed high-quality Silk and Spice trade with Lakeland.",
      present: ["silk and spice"],
      absent: ["high-quality silk"],
    },
    {
      name: "a long name keeps 'for a' and 'with' before a capitalised adjective, and 'Era' after a space is a word, not a hyphen suffix",
      sentence: "They studied the Doctrine of Harmony with Danish Roots for a New Era in Soviet-era halls.",
      present: ["doctrine of harmony with danish roots for a new era", "new era"],
      absent: ["doctrine of harmony with danish roots for a new", "soviet-era"],
    },
    {
      name: "an -ly adverb before an adjective of the term grades it; 'very' does not",
      sentence: "The institute tracks highly contagious swine fever, a very important issue.",
      present: ["highly contagious swine fever", "contagious swine fever", "swine fever"],
      absent: ["very important issue", "highly"],
    },
    {
      name: "an ordinal before capitalised words belongs to the name; a lower-case ordinal word does not",
      sentence: "The Fourth Session of the 9th Regional Assembly met the first Danish delegates.",
      present: ["fourth session of the 9th regional assembly", "9th regional assembly", "regional assembly"],
      absent: ["first danish", "first danish delegates"],
    },
    {
      name: "a particle inside a personal name belongs to it, never at its edge",
      sentence: "The novel was filmed by Ludwig van Berg in Vienna.",
      present: ["ludwig van berg"],
      absent: ["van", "ludwig van", "van berg"],
    },
    {
      name: "adjective + nouns, nested sub-sequences",
      sentence: "We uphold the multilateral trading system and fight climate change.",
      present: ["multilateral trading system", "trading system", "system", "climate change", "climate", "change"],
      absent: ["multilateral", "the multilateral trading system", "system and"],
    },
    {
      name: "noun of (the) noun",
      sentence: "They defended the rule of law and the rules of the game.",
      present: ["rule of law", "rule of the game", "law", "game"],
      absent: ["law and the rule", "rule of"],
    },
    {
      name: "capitalised name with of",
      sentence: "A spokesperson for the Ministry of Foreign Affairs spoke.",
      present: ["ministry of foreign affairs", "foreign affairs", "ministry"],
      absent: ["ministry of foreign affair", "foreign"],
    },
    {
      name: "capitalised name with and/for",
      sentence: "He attended the Belt and Road Forum for International Cooperation in Beijing.",
      present: ["belt and road forum for international cooperation", "belt and road", "international cooperation"],
      absent: ["the belt"],
    },
    {
      name: "\"and the\" joins two names",
      sentence: "The Ministry of Foreign Affairs and the United Nations met.",
      present: ["ministry of foreign affairs", "united nations"],
      absent: ["ministry of foreign affairs and the united nations", "affairs and the united nations", "united nation"],
    },
    {
      name: "coordinated countries are two names",
      sentence: "Leaders of China and Russia met yesterday.",
      present: ["china", "russia"],
      absent: ["china and russia", "yesterday"],
    },
    {
      name: "internal possessive belongs to the name",
      sentence: "The National People's Congress adopted the law.",
      present: ["national people's congress", "people's congress", "congress", "law"],
      // "National" alone still passes: compromise's lexicon does not list it as an adjective.
      absent: ["national people", "the national people's congress"],
    },
    {
      name: "hyphenated compounds",
      sentence: "COVID-19 slowed high-quality development and long-term growth.",
      present: ["COVID-19", "high-quality development", "long-term growth", "development"],
      absent: ["covid-19", "high-quality", "long-term", "high", "quality"],
    },
    {
      name: "acronyms keep their case; dotted and plural ones fold",
      sentence: "The U.S. and BRICS members work with NGOs in the SCO.",
      present: ["US", "BRICS", "NGO", "SCO", "BRICS member"],
      absent: ["us", "sco", "brics", "NGOs"],
    },
    {
      name: "stop modifiers, weak modifiers and generic heads",
      sentence: "Many other countries entered a new stage of the new energy vehicle market for a long time.",
      present: ["country", "new energy vehicle market", "new energy vehicle", "energy vehicle", "stage"],
      absent: ["other country", "many other country", "new stage", "long time", "time", "new"],
    },
    {
      name: "an office-holder's status before a title is not part of the term, before a common noun it is",
      sentence: "The outgoing British Minister of State for Public Health praised the outgoing call centre.",
      present: ["british minister of state for public health", "outgoing call centre"],
      absent: ["outgoing british minister of state for public health"],
    },
    {
      name: "a preposition at a capital is no name (a label's colon leaves the next word capitalised)",
      sentence: "Daily News: At the Central Conference on Work Relating to Foreign Affairs, the delegates met.",
      present: ["central conference on work relating to foreign affairs", "delegate"],
      absent: ["at", "at the central conference on work relating to foreign affairs"],
    },
    {
      name: "a person and where they belong are two names; a title before 'of' makes one; a form of address alone is none",
      sentence: "Mr. Dennis Carver of the Harbor Yacht Club met the Duke of Edinburgh.",
      present: ["dennis carver", "harbor yacht club", "duke of edinburgh"],
      absent: ["dennis carver of the harbor yacht club", "carver of the harbor yacht club", "mr"],
    },
    {
      name: "a possessive compromise reads as 'is' inside a name, and a speaker's label, are names",
      sentence: "People's Daily: At the conference, the delegates agreed.",
      present: ["people's daily", "delegate"],
      absent: ["at"],
    },
    {
      name: "a term neither ends inside a run of capitals nor takes a person after its preposition",
      sentence: "Under the leadership of the CPC Central Committee with Comrade Xi Jinping at its core, we advanced.",
      present: ["leadership of the CPC central committee", "comrade xi jinping", "xi jinping"],
      absent: ["central committee with comrade", "central committee with comrade xi jinping", "CPC central committee with comrade"],
    },
    {
      name: "a name may end in a possessive after a capitalised adjective",
      sentence: "He praised Team New Zealand's crew.",
      present: ["team new zealand", "new zealand"],
      absent: ["zealand crew"],
    },
    {
      name: "quantity heads do not form N of N",
      sentence: "A number of countries and a lot of people joined.",
      present: ["country"],
      absent: ["number of country", "number of countries", "lot of people", "number", "people"],
    },
    {
      name: "punctuation ends a term",
      sentence: "It covers trade, investment policy and finance; energy security too.",
      present: ["trade", "investment policy", "energy security"],
      absent: ["trade investment policy", "finance energy security"],
    },
    {
      name: "pronouns, numbers and single letters are never terms",
      sentence: "In 2020 its 300 members saw our vertex v grow there.",
      present: ["member", "vertex"],
      absent: ["2020", "300", "its", "our", "v", "there", "300 member"],
    },
    {
      name: "a heading in capitals is not a row of acronyms",
      sentence: "CHAPTER I OF SENSE",
      present: ["chapter", "sense"],
      absent: ["CHAPTER", "SENSE"],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const got = keys(c.sentence);
      for (const k of c.present) expect(got, `expected "${k}" in ${JSON.stringify(got)}`).toContain(k);
      for (const k of c.absent) expect(got, `did not expect "${k}"`).not.toContain(k);
    });
  }
});

describe("enMentions: records", () => {
  const sentence = "China’s Shanghai Cooperation Organization (SCO) backs developing countries' multilateral trading systems.";
  const ms = mentions(sentence);

  it("offsets slice back to the surface, which carries no outer spaces or punctuation", () => {
    expect(ms.length).toBeGreaterThan(5);
    for (const m of ms) {
      expect(sentence.slice(m.start, m.end)).toBe(m.surface);
      expect(m.surface).toBe(m.surface.trim());
      expect(m.lang).toBe("en");
      expect(m.words).toBe(m.surface.split(/\s+/).length);
    }
  });

  it("sorts by start, longer first, then key", () => {
    const sorted = [...ms].sort((a, b) => a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    expect(ms).toEqual(sorted);
    expect(mentions(sentence)).toEqual(ms);
  });

  it("marks nested mentions non-maximal", () => {
    const by = (k: string) => ms.find((m) => m.key === k);
    expect(by("multilateral trading system")).toMatchObject({ maximal: true, pattern: "A N", words: 3, surface: "multilateral trading systems" });
    expect(by("trading system")).toMatchObject({ maximal: false, pattern: "N N" });
    expect(by("system")).toMatchObject({ maximal: false, pattern: "N" });
    expect(by("shanghai cooperation organization")).toMatchObject({ maximal: true, pattern: "NAME" });
    expect(by("cooperation organization")?.maximal).toBe(false);
  });

  it("links an acronym in brackets to its expansion both ways", () => {
    const acr = ms.find((m) => m.key === "SCO");
    expect(acr).toMatchObject({ pattern: "ACR", surface: "SCO", expands: "shanghai cooperation organization", maximal: true });
    expect(ms.find((m) => m.key === "shanghai cooperation organization")?.expands).toBe("SCO");
    // An acronym in brackets that the words before it do not spell stays unlinked.
    const other = mentions("The trade ministry (SCO) met.");
    expect(other.find((m) => m.key === "SCO")?.expands).toBeUndefined();
  });

  it("folds the plural head and strips possessives, with curly or straight apostrophes", () => {
    expect(ms.find((m) => m.surface === "China’s")).toMatchObject({ key: "china", pattern: "NAME" });
    expect(ms.find((m) => m.surface === "developing countries")?.key).toBe("developing country");
    expect(keys("The country's policies and the countries' policy.")).toEqual(expect.arrayContaining(["country", "policy"]));
    expect(keys("The country's policies and the countries' policy.")).not.toContain("countries");
    // Heads fold; modifiers and names do not.
    expect(keys("Human rights protection matters.")).toContain("human rights protection");
    expect(keys("They protect human rights.")).toContain("human right");
    expect(keys("They collect data.")).toContain("data");
  });

  it("gives normalised neighbours, empty at the sentence edges", () => {
    const m = mentions("Climate change threatens small island states")[0]!;
    expect(m).toMatchObject({ key: "climate change", left: "", right: "threatens" });
    const last = mentions("Climate change threatens small island states").find((x) => x.key === "small island state");
    expect(last).toMatchObject({ left: "threatens", right: "" });
  });
});

describe("enMentions with TermCounter", () => {
  it("C-value favours a repeated maximal term over its nested parts", () => {
    const doc = [
      "The multilateral trading system faces pressure.",
      "We must defend the multilateral trading system.",
      "Reform of the multilateral trading system is urgent.",
      "A trading system needs rules.",
    ].map(mentions);
    const counter = new TermCounter("en");
    counter.add("d", doc);
    const cands = counter.candidates();
    const get = (k: string) => cands.find((t) => t.key === k)!;
    const full = get("multilateral trading system");
    const nested = get("trading system");
    expect(full.count).toBe(3);
    expect(nested.count).toBe(4);
    expect(full.cvalue).toBeGreaterThan(nested.cvalue);
    expect(full.cvalue).toBeGreaterThan(get("multilateral trading").cvalue);
    expect(cands.indexOf(full)).toBeLessThan(cands.indexOf(nested));
    // "Reform of the multilateral trading system" holds the full term once; "A trading system…" is the nested one alone.
    expect([full.alone, nested.alone, get("multilateral trading").alone]).toEqual([2, 1, 0]);
  });

  it("shows a title alone at the start of a speaker's label in lower case, before a name with its capital", () => {
    const counter = new TermCounter("en");
    counter.add("d", ["Spokesperson Lin Hua: We agree.", "Spokesperson: The talks went well.", "The spokesperson smiled."].map(mentions));
    const cands = counter.candidates();
    expect(cands.find((c) => c.key === "spokesperson")?.surface).toBe("spokesperson");
    expect(cands.find((c) => c.key === "spokesperson lin hua")?.surface).toBe("Spokesperson Lin Hua");
  });
});
