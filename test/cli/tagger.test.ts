import { describe, expect, it } from "vitest";
// The compiled module: the tagging thread runs dist/cli/tagger.js (npm test builds first).
import { TaggerThread } from "../../dist/cli/tagclient.js";
import { MessageChannel } from "node:worker_threads";
import { TagClient } from "../../src/cli/tagclient.js";
import { loadJieba } from "../../src/terms/zh/jieba.js";

describe("the tagging thread", () => {
  it("tags as jieba in this thread does, for several clients, in the order asked", { timeout: 120_000 }, async () => {
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

  it("rejects a request the thread could not answer, and every request once the thread is gone", async () => {
    const { port1, port2 } = new MessageChannel();
    port1.on("message", (m: { id: number }) => port1.postMessage(m.id === 0 ? { id: 0, error: "bad input" } : { id: m.id, tokens: [[{ word: "我们", tag: "r" }]] }));
    const client = new TagClient(port2);
    try {
      await expect(client.tag(["x"])).rejects.toThrow("Chinese tagging failed: bad input");
      await expect(client.tag(["我们"])).resolves.toEqual([[{ word: "我们", tag: "r" }]]);
      client.fail(new Error("the Chinese tagging thread stopped"));
      await expect(client.tag(["我们"])).rejects.toThrow("stopped");
    } finally {
      client.close();
      port1.close();
    }
  });
});
