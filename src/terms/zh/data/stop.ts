/**
 * General Chinese stop data for term candidates. Not tuned to any document: these are
 * function words and generic words of the language at large.
 */

/**
 * Function words: never inside a candidate nor at its edge, whatever jieba tags them
 * (its tags for these vary with context, so the tag alone is not a safe guard).
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  "的", "地", "得", "之", "了", "着", "过", "和", "与", "及", "以及", "或", "或者", "并", "并且", "而", "而且",
  "等", "等等", "在", "于", "是", "为", "对", "对于", "关于", "将", "把", "被", "由", "从", "向", "也", "都", "又",
  "还", "就", "才", "其", "该", "此", "这", "那", "各", "每", "本", "所", "以", "给", "让", "使", "跟", "同", "比",
  "如", "如果", "因为", "所以", "但", "但是", "虽然", "只", "仅", "即", "乃", "有", "没有", "不", "很", "更", "最",
  "非常", "已", "已经", "正在", "通过", "根据", "按照", "作为",
]);

/**
 * Words jieba often tags as nouns or adjectives that never belong in a term: pronoun-like,
 * deictic, temporal and quantifying words, and postposition-like nouns (经济方面 = "in economics").
 */
export const STOP_ANYWHERE: ReadonlySet<string> = new Set([
  "大家", "人们", "我们", "你们", "他们", "她们", "咱们", "自己", "别人", "本人",
  "目前", "当前", "今天", "明天", "昨天", "今年", "去年", "明年", "现在", "今后", "以后", "以前", "以来", "当时", "时候", "此时", "近年", "近年来",
  "之间", "期间", "之后", "之前", "其中", "方面", "这里", "那里", "这边", "那边", "以上", "以下", "以内", "以外", "之上", "之下", "之内", "之外", "之中", "当中", "左右", "上下", "前后",
  "一些", "这个", "那个", "这些", "那些", "这样", "那样", "这种", "那种", "一种", "各种", "各类", "多种", "某些", "有些",
  "什么", "怎么", "一切", "所有", "其他", "其它", "另外", "有关", "相关", "东西", "事情", "样子",
  "大量", "少量", "大批", "众多", "若干",
  "同时", "此外", "总之", "首先", "其次", "最后", "然后", "一方面", "另一方面",
]);

/**
 * Generic nouns that are never a term alone but may head a longer one
 * (问题 alone no; 数据安全问题 is left to termhood to judge).
 */
export const STOP_ALONE: ReadonlySet<string> = new Set([
  "问题", "情况", "工作", "方式", "方法", "过程", "结果", "作用", "意义", "部分", "内容", "原因", "条件", "基础",
  "水平", "程度", "能力", "因素", "领域", "层面", "措施", "活动", "关系", "特点", "形式", "手段", "途径", "要求",
  "任务", "地位", "进展", "成果", "经验", "办法", "人员", "国家", "时代", "时期", "阶段", "年代", "方向", "重点",
  "核心", "目标", "数量", "规模", "事业", "行为", "现象", "状态", "趋势", "机会", "背景", "地区", "世界", "社会",
  "人民", "一部分", "大多数", "多数", "少数",
]);

/** Evaluative or degree adjectives that never open a term (重要讲话, 积极贡献). */
export const STOP_ATTRIBUTES: ReadonlySet<string> = new Set([
  "重要", "主要", "积极", "良好", "巨大", "显著", "许多", "很多", "不同", "相同", "一定", "一般", "深入", "广泛",
  // Not 严重, 全面, 重大: they open fixed terms (严重急性呼吸综合征, 全面战略协作伙伴关系, 重大疾病).
  "有效", "充分", "明显", "相应", "真正", "伟大", "美好", "突出", "好", "大", "多", "少",
  "新", "老", "各", "某", "较大", "较高", "更好", "更大", "最大", "最高", "唯一", "同样", "相似", "具体", "特定",
]);

/**
 * Adverbs of manner and degree jieba tags `d` whose dictionary glosses read like adjectives
 * ("personally", "further"): before a noun they still modify the verb the noun was mistagged for
 * (亲自 谋划), never the noun.
 */
export const MANNER_ADVERBS: ReadonlySet<string> = new Set([
  "亲自", "亲手", "不断", "进一步", "大力", "切实", "始终", "一直", "认真", "坚决", "逐步", "全力", "努力", "继续",
  "尽快", "立即", "马上", "依法",
]);

/**
 * Verbs that take a subject and an object and so, between two nouns, almost always make a
 * clause (政府 支持 企业), not a compound (疫苗 接种 指南).
 */
export const PREDICATE_VERBS: ReadonlySet<string> = new Set([
  "是", "有", "为", "成为", "进行", "加强", "推动", "促进", "实现", "提高", "支持", "坚持", "开展", "加快", "推进",
  "提出", "表示", "认为", "指出", "需要", "要", "会", "能", "可以", "可", "应", "应该", "必须", "包括", "具有",
  "存在", "获得", "达到", "增加", "减少", "导致", "造成", "影响", "使用", "利用", "采取", "提供", "出现", "发现",
  "参与", "参加", "出席", "举行", "召开", "发布", "发表", "宣布", "同意", "希望", "愿意", "欢迎", "感谢", "属于",
  "构建", "建立", "形成", "保持", "确保", "帮助", "要求", "继续", "开始", "完成", "得到", "给予", "取得",
]);

/** Numeral characters: an `m` token made only of these (and measure characters) is a number. */
export const NUMERAL_CHARS = "〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟几数半多余第每";

/** Measure words and units that follow numerals inside jieba's `m` tokens (三个, 五年, 万亿元). */
export const MEASURE_CHARS = "个位名人次项件条张倍岁号年月日天时分秒周期届批些种类样成点元角块米克吨度级层章节部篇";
