import { describe, expect, it } from "vitest";
// The compiled module: the tagging thread runs dist/cli/tagger.js (npm test builds first).
import { TaggerThread } from "../../dist/cli/tagclient.js";
import { loadJieba } from "../../src/terms/zh/jieba.js";

describe("the tagging thread", () => {
  it("tags as jieba in this thread does, for several clients, in the order asked", async () => {
    const thread = new TaggerThread(undefined);
    const texts = ["我们加强流域综合治理。", "上海合作组织的冠状病毒疫情", ""];
    try {
      const [a, b] = [thread.client(), thread.client()];
      const [ra, rb] = await Promise.all([a.tag(texts), b.tag(texts.slice(0, 1))]);
      const local = loadJieba();
      expect(ra).toEqual(texts.map((t) => local.tag(t)));
      expect(rb).toEqual([local.tag(texts[0]!)]);
    } finally {
      await thread.close();
    }
  });
});
