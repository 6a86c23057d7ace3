import { describe, expect, it } from "vitest";
import { splitEnglish, splitParagraph } from "../../src/segment/index.js";
import { para } from "./helpers.js";

const split = (text: string): string[] => splitEnglish(para("en", text), 0).map((s) => s.text);

describe("English sentence splitter", () => {
  it.each([
    ["plain", "The river rose. The dam held.", ["The river rose.", "The dam held."]],
    ["question and exclamation", "Is it safe? Yes! It is.", ["Is it safe?", "Yes!", "It is."]],
    ["U.N. before a name", "The U.N. Security Council met today. It adopted a text.", ["The U.N. Security Council met today.", "It adopted a text."]],
    ["U.S. before a noun", "A U.S. delegation arrived. Talks began.", ["A U.S. delegation arrived.", "Talks began."]],
    ["U.S. at a sentence end", "The fund is backed by the U.S. The next question, please.", ["The fund is backed by the U.S.", "The next question, please."]],
    ["U.N.-centered", "We uphold the U.N.-centered international system. That is clear.", ["We uphold the U.N.-centered international system.", "That is clear."]],
    ["title Mr.", "Mr. Ortega visited. Dr. Chen and Prof. Wu joined him.", ["Mr. Ortega visited.", "Dr. Chen and Prof. Wu joined him."]],
    ["No. before a number", "Regulation No. 3 applies. Article No. 5 does not.", ["Regulation No. 3 applies.", "Article No. 5 does not."]],
    ["No as an answer", "Did it fail? No. It worked.", ["Did it fail?", "No.", "It worked."]],
    ["currency and decimals", "Trade reached US$240.5 billion. It grew 3.5% on the year.", ["Trade reached US$240.5 billion.", "It grew 3.5% on the year."]],
    ["single initial", "John F. Kennedy spoke. The crowd cheered.", ["John F. Kennedy spoke.", "The crowd cheered."]],
    ["e.g. and i.e.", "Use a tool, e.g. OmegaT. It reads TMX, i.e. memories.", ["Use a tool, e.g. OmegaT.", "It reads TMX, i.e. memories."]],
    ["a.m. before a time word", "We met at 9 a.m. on Monday. Then we left.", ["We met at 9 a.m. on Monday.", "Then we left."]],
    ["closing quote stays", 'He said "We are ready." Then he left.', ['He said "We are ready."', "Then he left."]],
    ["closing bracket stays", "It was approved (after a vote.) Work began.", ["It was approved (after a vote.)", "Work began."]],
    ["ellipsis before lower case", "We waited... and waited. Nothing came.", ["We waited... and waited.", "Nothing came."]],
    ["ellipsis before a capital", "We waited… Then it rained.", ["We waited…", "Then it rained."]],
    ["speaker label kept", "Wang Yi: Friends from the media, good morning. I am pleased to be here.", ["Wang Yi: Friends from the media, good morning.", "I am pleased to be here."]],
    ["long label kept", "China Central Television: Could you explain? Thank you.", ["China Central Television: Could you explain?", "Thank you."]],
    ["URL and e-mail", "See www.example.org for details. Write to info@example.org today.", ["See www.example.org for details.", "Write to info@example.org today."]],
    ["etc. mid-sentence", "Rivers, lakes, etc. are covered. Wells are not.", ["Rivers, lakes, etc. are covered.", "Wells are not."]],
    ["number after a period", "The plan has 3 parts. 2 are done.", ["The plan has 3 parts.", "2 are done."]],
    ["truncated end kept", "The report was adopted. The next step is to", ["The report was adopted.", "The next step is to"]],
  ])("%s", (_, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it("a heading is one sentence, whatever its punctuation", () => {
    const s = splitParagraph(para("en", "Part I. Water. Rivers", 0, "heading"), 3);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ heading: true, paragraph: 3 });
  });

  it("takes offsets from the map, trimmed", () => {
    const p = para("en", "  One two.  Three four.  ", 100);
    expect(splitEnglish(p, 0).map((s) => [s.start, s.end])).toEqual([
      [102, 110],
      [112, 123],
    ]);
  });

  it("loses no character", () => {
    const text = "Mr. Lee of the U.N. said: \"It works!\" Costs fell 3.5%. Next, the U.S. The end… and more";
    expect(split(text).join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
  });
});
