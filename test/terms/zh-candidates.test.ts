import { beforeAll, describe, expect, it } from "vitest";
import type { Mention } from "../../src/model/index.js";
import { TermCounter } from "../../src/terms/termhood.js";
import { zhMentions } from "../../src/terms/zh/candidates.js";
import { ZH_SHAPES } from "../../src/terms/zh/data/patterns.js";
import { loadJieba, type ZhSegmenter } from "../../src/terms/zh/jieba.js";
import { toks } from "./tokens.js";

let seg: ZhSegmenter;
beforeAll(() => {
  seg = loadJieba();
});

const mentionsOf = (s: string): Mention[] => zhMentions(s, seg.tag(s));
const keysOf = (s: string): string[] => mentionsOf(s).map((m) => m.key);


// Sentences written for these tests; the expected keys are ones the assembly guarantees for
// jieba's current split (checked when the cases were written), not a list of known terms.
const CASES: { sentence: string; present: string[]; absent: string[] }[] = [
  {
    sentence: "我们要推动构建人类命运共同体。",
    present: ["人类命运共同体", "命运共同体", "共同体", "人类命运"],
    absent: ["我们", "推动", "构建人类命运共同体", "共同体。"],
  },
  {
    sentence: "金砖国家领导人会晤在南非举行。",
    // A verb alone is a candidate (its link needs dictionary support); it never ends a longer one.
    present: ["金砖国家", "金砖国家领导人", "国家领导人", "领导人", "南非", "会晤"],
    absent: ["国家", "在南非", "领导人会晤"],
  },
  {
    sentence: "共建一带一路倡议促进了经济发展和区域合作。",
    present: ["一带一路", "一带一路倡议", "经济发展", "发展", "区域合作"],
    absent: ["一路", "共建一带一路", "经济发展和区域合作", "促进"],
  },
  {
    sentence: "世界卫生组织发布了新冠肺炎疫苗接种指南。",
    present: ["世界卫生组织", "新冠肺炎", "疫苗接种指南", "新冠肺炎疫苗接种指南", "肺炎"],
    absent: ["新冠", "指南。", "疫苗接种"],
  },
  {
    sentence: "慢性阻塞性肺疾病的临床诊断标准",
    present: ["慢性阻塞性肺疾病", "肺疾病", "疾病", "临床诊断标准", "标准"],
    absent: ["肺", "慢性", "疾病的临床", "诊断标准"],
  },
  {
    sentence: "2023年国内生产总值增长5.2%，达到126万亿元。",
    present: ["国内生产总值", "生产总值"],
    absent: ["2023", "2023年", "年", "国内", "5.2", "126", "万亿元", "126万亿元", "国内生产总值增长"],
  },
  {
    sentence: "这个问题在目前的情况下是我们大家的工作。",
    present: [],
    absent: ["这个", "问题", "这个问题", "目前", "情况", "我们", "大家", "工作", "大家的工作"],
  },
  {
    sentence: "政府支持企业发展新能源汽车产业",
    present: ["政府", "新能源汽车产业", "汽车产业", "新能源"],
    absent: ["政府支持企业", "支持企业", "支持"],
  },
  {
    sentence: "研究人员提出一种新的算法",
    present: ["研究人员", "算法"],
    absent: ["人员", "新的算法", "新算法", "一种", "一种新的算法"],
  },
  {
    sentence: "上海合作组织峰会在北京召开，人工智能技术推动数据中心建设。",
    present: ["上海合作组织峰会", "峰会", "北京", "人工智能技术", "人工智能", "数据中心建设", "数据中心"],
    absent: ["北京召开", "峰会在北京", "技术推动数据中心"],
  },
  {
    sentence: "高血压患者的血糖水平和胰岛素抵抗",
    present: ["高血压患者", "高血压", "患者", "血糖水平", "胰岛素抵抗", "胰岛素"],
    absent: ["水平", "患者的血糖水平", "血糖水平和胰岛素抵抗"],
  },
  {
    sentence: "ＧＰＵ芯片　和 AI 模型，5G网络和COVID-19疫苗",
    present: ["GPU芯片", "GPU", "AI模型", "5G网络", "COVID-19疫苗", "COVID-19"],
    absent: ["ＧＰＵ芯片", "AI 模型", "5", "G", "19", "芯片和AI"],
  },
];

describe("zhMentions: rules", () => {
  it.each(CASES)("$sentence", ({ sentence, present, absent }) => {
    const keys = keysOf(sentence);
    for (const k of present) expect(keys, `expected ${k}`).toContain(k);
    for (const k of absent) expect(keys, `unexpected ${k}`).not.toContain(k);
  });

  it("never puts a function word, punctuation or a space at a key's edge or inside (的, 和, 在, ，)", () => {
    for (const { sentence } of CASES) {
      for (const m of mentionsOf(sentence)) {
        expect(m.key).not.toMatch(/[的了和与及等在是对将把被也都，。、；：\s]/u);
      }
    }
  });

  it("keeps single characters, numbers and time words out as terms alone", () => {
    const ms = mentionsOf("去年三月他在医院测了三次血压，肺有问题。");
    for (const m of ms) {
      if (m.words === 1) expect([...m.key].length).toBeGreaterThanOrEqual(2);
      expect(m.key).not.toMatch(/^[0-9〇一二三四五六七八九十百千万亿]+[个年月日次]?$/u);
    }
    expect(ms.map((m) => m.key)).not.toContain("去年");
    expect(ms.map((m) => m.key)).not.toContain("三月");
  });

  it("labels patterns by tag (N N, A N, VN N, NT, NS, ENG N)", () => {
    const byKey = (s: string) => new Map(mentionsOf(s).map((m) => [m.key, m.pattern]));
    expect(byKey("我们要推动构建人类命运共同体。").get("人类命运共同体")).toBe("N N N");
    expect(byKey("世界卫生组织发布了指南。").get("世界卫生组织")).toBe("NT");
    expect(byKey("金砖国家领导人会晤在南非举行。").get("南非")).toBe("NS");
    expect(byKey("机器需要大量训练数据。").get("训练数据")).toBe("VN N");
    expect(byKey("慢性阻塞性肺疾病").get("慢性阻塞性肺疾病")).toBe("A N N N");
    expect(byKey("共建一带一路倡议").get("一带一路")).toBe("N M");
    expect(byKey("5G网络").get("5G网络")).toBe("ENG N");
  });

  it("every shape in the table rejects a leading verb and a trailing attribute", () => {
    for (const s of ZH_SHAPES) {
      expect(s.shape.test("VH"), s.name).toBe(false);
      expect(s.shape.test("HA"), s.name).toBe(false);
      expect(s.shape.test("HU"), s.name).toBe(false);
    }
  });
});

describe("zhMentions: offsets, nesting and order", () => {
  it("offsets slice back to the surface, and the key is the surface without spaces, width folded", () => {
    for (const { sentence } of CASES) {
      for (const m of mentionsOf(sentence)) {
        expect(sentence.slice(m.start, m.end)).toBe(m.surface);
        const folded = m.surface.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s/gu, "");
        expect(m.key).toBe(folded);
        expect(m.lang).toBe("zh");
      }
    }
  });

  it("emits nested sub-runs with maximal false and the longest with maximal true", () => {
    const ms = mentionsOf("我们要推动构建人类命运共同体。");
    const get = (k: string) => ms.find((m) => m.key === k)!;
    expect(get("人类命运共同体")).toMatchObject({ maximal: true, words: 3, start: 7, end: 14, left: "构建", right: "" });
    for (const k of ["人类命运", "命运共同体", "人类", "命运", "共同体"]) expect(get(k).maximal, k).toBe(false);
    expect(get("命运")).toMatchObject({ left: "人类", right: "共同体" });
  });

  it("sorts by start, then end descending, then key, and is deterministic", () => {
    const s = "共建一带一路倡议促进了经济发展和区域合作。";
    const ms = mentionsOf(s);
    for (let i = 1; i < ms.length; i++) {
      const a = ms[i - 1]!;
      const b = ms[i]!;
      expect(a.start < b.start || (a.start === b.start && (a.end > b.end || (a.end === b.end && a.key <= b.key)))).toBe(true);
    }
    expect(mentionsOf(s)).toEqual(ms);
  });

  it("caps candidates at six tokens; overlapping windows of a longer run are each maximal", () => {
    const ms = zhMentions("甲乙丙丁戊己庚", toks("甲/n 乙/n 丙/n 丁/n 戊/n 己/n 庚/n"));
    expect(Math.max(...ms.map((m) => m.words))).toBe(6);
    expect(ms.filter((m) => m.maximal).map((m) => m.key)).toEqual(["甲乙丙丁戊己", "乙丙丁戊己庚"]);
    // One-character nouns are never candidates alone.
    expect(ms.filter((m) => m.words === 1)).toEqual([]);
  });

  it("neighbours are empty at sentence edges and punctuation", () => {
    const ms = mentionsOf("区域合作，经济发展。");
    expect(ms.find((m) => m.key === "区域合作")).toMatchObject({ left: "", right: "" });
    expect(ms.find((m) => m.key === "经济")).toMatchObject({ left: "", right: "发展" });
  });
});

describe("zhMentions: robustness", () => {
  it("tolerates whitespace jieba dropped or added", () => {
    const dropped = zhMentions("AI 模型 和 数据", toks("AI/eng 模型/n 和/c 数据/n"));
    expect(dropped.find((m) => m.key === "AI模型")).toMatchObject({ surface: "AI 模型", start: 0, end: 5 });
    expect(dropped.find((m) => m.key === "数据")).toMatchObject({ start: 8, end: 10 });
    const extra = zhMentions("人类命运", [...toks("人类/n"), { word: " ", tag: "x" }, ...toks("命运/n")]);
    expect(extra.find((m) => m.key === "人类命运")).toMatchObject({ start: 0, end: 4, maximal: true });
  });

  it("treats a space between Chinese words as a boundary, and one next to Latin as nothing", () => {
    const keys = keysOf("第一章 经济 数据 与 GPU 芯片");
    expect(keys).not.toContain("经济数据");
    expect(keys).toContain("GPU芯片");
  });

  it("handles empty input, punctuation only, emoji and control characters", () => {
    expect(mentionsOf("")).toEqual([]);
    expect(mentionsOf("，。！？……——")).toEqual([]);
    expect(zhMentions("人类命运共同体", [])).toEqual([]);
    const s = "😀人类命运\f共同体\u000b";
    for (const m of mentionsOf(s)) expect(s.slice(m.start, m.end)).toBe(m.surface);
    expect(keysOf(s)).toContain("人类命运");
  });

  it("does not crash on Traditional script, whose words jieba does not know (weak output)", () => {
    const s = "我們要推動構建人類命運共同體。";
    for (const m of mentionsOf(s)) expect(s.slice(m.start, m.end)).toBe(m.surface);
  });

  it("takes tokens of a character-for-character Simplified copy: Simplified keys, original surfaces", () => {
    const original = "我們要推動構建人類命運共同體。";
    const simplified = "我们要推动构建人类命运共同体。";
    const ms = zhMentions(original, seg.tag(simplified));
    expect(ms.find((m) => m.key === "人类命运共同体")).toMatchObject({ surface: "人類命運共同體", start: 7, end: 14, maximal: true });
  });

  it("ignores tokens that run past the end of the text", () => {
    expect(() => zhMentions("人类", toks("人类/n 命运/n 共同体/n"))).not.toThrow();
    expect(zhMentions("人类", toks("人类/n 命运/n 共同体/n")).map((m) => m.key)).toEqual(["人类"]);
  });
});

describe("zhMentions with TermCounter", () => {
  it("C-value favours a repeated maximal term over its nested parts", () => {
    const sentences = [
      "我们要推动构建人类命运共同体。",
      "人类命运共同体理念得到广泛认同。",
      "各国携手建设人类命运共同体。",
      "命运掌握在自己手中。",
    ];
    const counter = new TermCounter("zh");
    counter.add("doc", sentences.map(mentionsOf));
    const cands = counter.candidates();
    const cv = (k: string) => cands.find((c) => c.key === k)?.cvalue ?? Number.NaN;
    expect(cv("人类命运共同体")).toBeGreaterThan(cv("命运共同体"));
    expect(cv("人类命运共同体")).toBeGreaterThan(cv("共同体"));
    expect(cv("人类命运共同体")).toBeGreaterThan(cv("命运"));
    expect(cands.find((c) => c.key === "人类命运共同体")?.count).toBe(3);
    expect(cands[0]?.key).toBe("人类命运共同体");
  });
});

describe("acronyms in brackets", () => {
  it("a term written with its acronym in brackets expands it, the acronym stays a mention", () => {
    const ms = zhMentions("新的卫星定位系统（SPS）下月启用。", toks("新/a 的/uj 卫星/n 定位/vn 系统/n （/x SPS/eng ）/x 下月/t 启用/v 。/x"));
    const full = ms.find((m) => m.key === "卫星定位系统");
    expect(full?.expands).toBe("SPS");
    expect(ms.some((m) => m.key === "SPS" || m.key === "sps")).toBe(true);
  });

  it("a single capital or a lower-case word in brackets is no acronym", () => {
    const ms = zhMentions("卫星定位系统(A)和卫星定位系统(beta)", toks("卫星/n 定位/vn 系统/n (/x A/eng )/x 和/c 卫星/n 定位/vn 系统/n (/x beta/eng )/x"));
    expect(ms.filter((m) => m.expands)).toEqual([]);
  });
});

describe("noun-forming suffixes jieba tags otherwise", () => {
  it("a suffix closes the noun before it (疼痛/n 症/zg, 新浪潮/n 派/v)", () => {
    expect(zhMentions("北方疼痛症协会", toks("北方/f 疼痛/n 症/zg 协会/n")).map((m) => m.key)).toContain("疼痛症协会");
    expect(zhMentions("新浪潮派电影", toks("新浪潮/n 派/v 电影/n")).map((m) => m.key)).toContain("新浪潮派电影");
  });

  it("率 and 者 make a noun of a verb (售出/v 率/v)", () => {
    expect(zhMentions("售出率很高", toks("售出/v 率/v 很/zg 高/a")).map((m) => m.key)).toContain("售出率");
  });

  it("an adverb with a dictionary sense that modifies nouns is an attribute before a noun (快速/d 风险/n)", () => {
    const lex = { nounish: (w: string) => ["快速", "风险", "评估"].includes(w) };
    expect(zhMentions("快速风险评估", toks("快速/d 风险/n 评估/vn"), lex).map((m) => m.key)).toContain("快速风险评估");
    // Inside a noun run too: 国际 肥胖症 特别 工作组 "International Obesity Task Force".
    const lex2 = { nounish: (w: string) => w === "特别" };
    expect(zhMentions("国际肥胖症特别工作组", toks("国际/n 肥胖症/n 特别/d 工作组/n"), lex2).map((m) => m.key)).toContain("国际肥胖症特别工作组");
    // A word jieba tags as a pronoun likewise (多边/r 主义/n "multilateralism"); an adverb of manner never (亲自/d 谋划/n).
    const lex3 = { nounish: (w: string) => ["多边", "亲自", "谋划"].includes(w) };
    expect(zhMentions("践行多边主义", toks("践行/v 多边/r 主义/n"), lex3).map((m) => m.key)).toContain("多边主义");
    expect(zhMentions("亲自谋划", toks("亲自/d 谋划/n"), lex3).map((m) => m.key)).not.toContain("亲自谋划");
    // A pronoun proper is no attribute (我国/r "our country").
    const lex4 = { nounish: (w: string) => ["我国", "边境"].includes(w) };
    expect(zhMentions("我国边境", toks("我国/r 边境/n"), lex4).map((m) => m.key)).not.toContain("我国边境");
    // Before a verb it stays an adverb.
    expect(zhMentions("快速增长", toks("快速/d 增长/v"), lex).map((m) => m.key)).not.toContain("快速增长");
  });

  it("a predicate verb read as a verbal noun ends a term but opens none (需要/v 治疗/v; 技术/n 支持/v)", () => {
    const lex = { nounish: (w: string) => ["需要", "治疗", "技术", "支持"].includes(w) };
    expect(zhMentions("需要治疗", toks("需要/v 治疗/v"), lex).map((m) => m.key)).not.toContain("需要治疗");
    expect(zhMentions("技术支持", toks("技术/n 支持/v"), lex).map((m) => m.key)).toContain("技术支持");
  });

  it("a one-character localizer jieba tags as a noun ends no term (电影圈/n 内/n)", () => {
    const keys = zhMentions("在电影圈内", toks("在/p 电影圈/n 内/n")).map((m) => m.key);
    expect(keys).toContain("电影圈");
    expect(keys).not.toContain("电影圈内");
  });

  it("a suffix after a particle stays what it was", () => {
    expect(zhMentions("我的号", toks("我/r 的/uj 号/m")).map((m) => m.key)).not.toContain("号");
  });
});

describe("dictionary words jieba cut apart", () => {
  const lex = { nounish: (w: string) => ["褪黑激素", "截止到", "埃博拉病毒"].includes(w) };
  const keys = (s: string, spec: string): string[] => zhMentions(s, toks(spec), lex).map((m) => m.key);

  it("joins touching pieces, one a single character, that make a dictionary noun (褪/v 黑/a 激素/n)", () => {
    const got = keys("服用褪黑激素的人", "服用/v 褪/v 黑/a 激素/n 的/uj 人/n");
    expect(got).toContain("褪黑激素");
    expect(got).not.toContain("黑激素");
  });

  it("takes a unit jieba tags as a measure word for the noun it is (卡路里/q)", () => {
    const unit = { nounish: (w: string) => w === "卡路里" };
    expect(zhMentions("多少卡路里", toks("多少/m 卡路里/q"), unit).map((m) => m.key)).toContain("卡路里");
  });

  it("keeps two words of their own apart, and a verb's complement out (截止/v 到/v)", () => {
    expect(keys("埃博拉病毒暴发", "埃博拉/nr 病毒/n 暴发/v")).toContain("埃博拉");
    expect(keys("截止到昨天", "截止/v 到/v 昨天/t")).not.toContain("截止到");
  });
});

describe("a fixed neighbour marks a fragment only when it could extend the term", () => {
  it("上海 always before 合作组织 does; the verb 构建 always before 命运共同体 does not", () => {
    const counter = new TermCounter("zh");
    const sentences = [
      toks("构建/v 命运/n 共同体/n ，/x 上海/ns 合作/vn 组织/n 。/x"),
      toks("构建/v 命运/n 共同体/n 和/c 上海/ns 合作/vn 组织/n"),
      toks("要/v 构建/v 命运/n 共同体/n ，/x 上海/ns 合作/vn 组织/n 发展/vn"),
    ];
    counter.add("d", sentences.map((t) => zhMentions(t.map((x) => x.word).join(""), t)));
    const get = (k: string) => counter.candidates().find((c) => c.key === k)!;
    expect(get("合作组织").fixedLeft).toBe("上海");
    expect(get("命运共同体").fixedLeft).toBeUndefined();
  });
});

describe("numbered meetings and congresses", () => {
  const keys = (text: string, spec: string): string[] => zhMentions(text, toks(spec)).map((m) => m.key);
  it("takes a count of sessions as an attribute of the meeting's name, joined when jieba cut it from its numeral", () => {
    expect(keys("十一届省人大三次会议", "十一届/m 省人大/nt 三次/m 会议/n")).toContain("十一届省人大三次会议");
    expect(keys("三十届五中全会", "三十/m 届/d 五中全会/j")).toContain("三十届五中全会");
    expect(keys("第九届市政协第四次会议", "第九届/m 市政协/nt 第四次/m 会议/n")).toContain("第九届市政协第四次会议");
  });

  it("reads a numbered congress as a name, whatever jieba tagged it, but not 十大 'the top ten'", () => {
    expect(keys("党的三十大", "党/n 的/uj 三十/m 大/a")).toEqual(["三十大"]);
    expect(zhMentions("十五大", toks("十五大/nrt")).map((m) => [m.key, m.pattern])).toEqual([["十五大", "J"]]);
    expect(keys("十大新闻", "十/m 大/a 新闻/n")).not.toContain("十大");
  });

  it("takes the count of a numbered set as an attribute of what follows (programmes of political texts)", () => {
    expect(keys("坚持五个统筹方针", "坚持/v 五个/m 统筹/vn 方针/n")).toContain("五个统筹方针");
    expect(keys("实现三个一百天奋斗目标", "实现/v 三个/m 一百天/m 奋斗目标/l")).toContain("三个一百天奋斗目标");
    // A count before a verb, or a count of months, names no set.
    expect(keys("做到两个坚持", "做到/v 两个/m 坚持/v").some((k) => k.startsWith("两个"))).toBe(false);
    expect(keys("过去三个月", "过去/t 三个/m 月/m").some((k) => k.startsWith("三个"))).toBe(false);
  });

  it("counts an occasion (第一次 'the first time') as no part of a term, a session (第二次会议) as one", () => {
    expect(keys("第一次见面", "第一次/m 见面/n")).not.toContain("第一次见面");
    expect(keys("第二次会议", "第二次/m 会议/n")).toContain("第二次会议");
  });
});
