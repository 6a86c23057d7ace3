import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadJieba } from "../../src/terms/zh/jieba.js";
import { zhMentions } from "../../src/terms/zh/candidates.js";

// Its own test file: nodejieba keeps one dictionary per process, fixed by the first load.
describe("jieba user dictionary", () => {
  const dir = mkdtempSync(join(tmpdir(), "termbridge-userdict-"));
  const file = join(dir, "user.dict.utf8");
  writeFileSync(file, "人类命运共同体 n\n上海合作组织 nt\n");
  const seg = loadJieba({ userDict: file });

  it("segments an entry whole, where jieba's own dictionary would split it", () => {
    const words = seg.cut("构建人类命运共同体是上海合作组织的目标。");
    expect(words).toContain("人类命运共同体");
    expect(words).toContain("上海合作组织");
  });

  it("gives the whole word as one candidate with the entry's tag", () => {
    const s = "上海合作组织成员国支持构建人类命运共同体。";
    const m = zhMentions(s, seg.tag(s));
    expect(m.find((x) => x.key === "上海合作组织")?.pattern).toBe("NT");
    expect(m.find((x) => x.key === "人类命运共同体")?.words).toBe(1);
  });

  it("refuses a second load with another dictionary instead of ignoring it", () => {
    expect(() => loadJieba({ userDict: join(dir, "other.utf8") })).toThrow(/already loaded/);
  });
});
