import { describe, expect, it } from "vitest";
import { proseOf } from "../../src/ingest/prose.js";
import { classify } from "../../src/ingest/script.js";

describe("the prose of a text, for its language", () => {
  it.each([
    ["fenced code", "说明文字。\n\n```js\nconst someVeryLongIdentifier = requireTheModule('configuration');\n```\n", "说明文字。"],
    ["a fence left open to the end", "说明。\n~~~\nunterminated code block with many words\n", "说明。"],
    ["inline code", "运行 `npm install --save-dev typescript` 即可。", "运行 即可。"],
    ["URLs and e-mail addresses", "详见 https://example.org/docs/getting-started?lang=zh 或 www.example.com，联系 someone.name@example.org。", "详见 或 ，联系 。"],
    ["tags and entities", '<a href="https://github.com/example">贡献指南</a>&nbsp;&#39;', "贡献指南"],
  ])("%s", (_, text, prose) => {
    expect(proseOf(text).replace(/\s+/g, " ").trim()).toBe(prose);
  });

  it("turns a Chinese README full of code from English (by raw script) to Chinese", () => {
    const readme = "# 安装\n\n请先安装依赖。详见 https://example.org/docs/installation/getting-started-with-the-project。\n\n```bash\nnpm install --save-dev typescript vitest @types/node\nexport DATABASE_URL=postgresql://user:password@localhost/db\n```\n";
    expect(classify(readme)).toBe("en");
    expect(classify(proseOf(readme))).toBe("zh");
  });

  it("leaves English prose English", () => {
    expect(classify(proseOf("The river rose. See https://example.org/河水 for details."))).toBe("en");
  });
});
