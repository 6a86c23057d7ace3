import { describe, expect, it } from "vitest";
import { splitChinese } from "../../src/segment/index.js";
import { para } from "./helpers.js";

const split = (text: string): string[] => splitChinese(para("zh", text), 0).map((s) => s.text);

describe("Chinese sentence splitter", () => {
  it.each([
    ["full stop", "河水上涨。大坝安全。", ["河水上涨。", "大坝安全。"]],
    ["question and exclamation", "安全吗？安全！请放心。", ["安全吗？", "安全！", "请放心。"]],
    ["half-width ? and !", "安全吗?安全!请放心。", ["安全吗?", "安全!", "请放心。"]],
    ["？！ run", "真的吗？！是的。", ["真的吗？！", "是的。"]],
    ["closing quote stays", "他说：“我们准备好了。”随后离开。", ["他说：“我们准备好了。”", "随后离开。"]],
    ["closing bracket stays", "会议通过了决议（经表决。）工作开始。", ["会议通过了决议（经表决。）", "工作开始。"]],
    ["…… does not end", "水库将提前蓄水……干旱地区已有预案。", ["水库将提前蓄水……干旱地区已有预案。"]],
    ["—— does not end", "我们欢迎投资——基金规模为15亿美元。", ["我们欢迎投资——基金规模为15亿美元。"]],
    ["；and ： do not end", "一是节水；二是治污：都很重要。", ["一是节水；二是治污：都很重要。"]],
    ["decimal point", "增长了3.5%。总额为2.4亿元。", ["增长了3.5%。", "总额为2.4亿元。"]],
    ["mixed width punctuation", "各位记者,下午好!欢迎参加发布会:今天有三个议题。", ["各位记者,下午好!", "欢迎参加发布会:今天有三个议题。"]],
    ["speaker label kept", "王毅：各位记者朋友，大家上午好！很高兴见到大家。", ["王毅：各位记者朋友，大家上午好！", "很高兴见到大家。"]],
    ["Latin question inside", "他问道 what? then 离开了。", ["他问道 what? then 离开了。"]],
    ["truncated end kept", "双方达成共识。我们将继续加强", ["双方达成共识。", "我们将继续加强"]],
    ["half-width period after Han at end", "会议结束.", ["会议结束."]],
  ])("%s", (_, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it("takes offsets from the map", () => {
    const s = splitChinese(para("zh", "甲。乙。", 50), 0);
    expect(s.map((x) => [x.start, x.end])).toEqual([
      [50, 52],
      [52, 54],
    ]);
  });
});
