/**
 * Titles and forms of address that stand before an English name or before or after a Chinese
 * one ("Professor Philip James" ↔ 菲利普·詹姆斯教授, "British Prime Minister Tony Blair" ↔
 * 英国首相托尼·布莱尔). A glossary records the person and the title as two entries: a title
 * joined to one name is not a term. General data: no word of any document is listed.
 */

/** English titles, lower case; a title of several words is matched whole. */
export const EN_TITLES: ReadonlySet<string> = new Set([
  "professor", "prof.", "prof", "dr.", "dr", "doctor", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "miss", "sir", "dame", "lord", "lady",
  "president", "vice president", "vice-president", "prime minister", "premier", "vice premier", "chancellor", "chairman", "chairwoman",
  "minister", "foreign minister", "secretary", "secretary-general", "secretary of state", "senator", "sen.", "congressman", "congresswoman",
  "representative", "rep.", "governor", "gov.", "mayor", "ambassador", "general", "gen.", "colonel", "col.", "captain", "capt.",
  "lieutenant", "lt.", "admiral", "adm.", "commander", "king", "queen", "prince", "princess", "emperor", "empress", "pope", "bishop",
  "archbishop", "cardinal", "father", "rev.", "reverend", "judge", "justice", "chief executive", "ceo", "director", "spokesman",
  "spokeswoman", "spokesperson", "coach", "chief", "deputy", "councillor", "councilor", "state councilor", "commissioner", "skipper",
]);

/** Chinese titles, written after a name (…教授) or before it (首相…). */
export const ZH_TITLES: readonly string[] = [
  "教授", "博士", "医生", "大夫", "先生", "女士", "小姐", "夫人", "太太", "总统", "副总统", "首相", "总理", "副总理", "主席", "副主席",
  "部长", "外长", "国务卿", "议员", "参议员", "众议员", "州长", "市长", "大使", "将军", "上校", "上尉", "船长", "队长", "舰长", "国王", "女王",
  "王子", "公主", "皇帝", "教皇", "主教", "大主教", "神父", "牧师", "法官", "总裁", "首席执行官", "董事长", "总经理", "经理", "主任", "院长",
  "校长", "所长", "发言人", "秘书长", "委员", "书记", "总书记", "导演", "教练", "爵士", "勋爵", "总监", "国务委员",
  "会长", "理事长", "组长", "社长", "团长", "局长", "司长", "处长", "厅长", "省长", "县长", "创始人", "专家", "学家", "分析师",
  "研究员", "记者", "编辑", "作家", "演员", "律师", "顾问",
];

/**
 * Lower-case English nouns for a person's role that take "of" or "for" an organisation
 * ("chairman of the International Rowing Council", "spokesperson for the Water Board"): the
 * role is context, the organisation is the term. Titles count as roles too.
 */
export const EN_ROLES: ReadonlySet<string> = new Set([
  ...EN_TITLES, "partner", "founder", "co-founder", "member", "head", "leader", "official", "officer", "employee", "staff",
  "researcher", "scientist", "analyst", "economist", "expert", "specialist", "consultant", "adviser", "advisor", "author",
  "editor", "reporter", "correspondent", "fellow", "student", "graduate", "alumnus", "professor", "lecturer", "founding partner",
  "manager", "owner", "investor", "shareholder", "executive", "vice chairman", "board member", "delegate", "envoy", "spokesperson",
]);

/**
 * Generic heads Chinese writes after a proper name where English often leaves them out
 * (埃克森公司 "Exxon", 得克萨斯州 "Texas", 慢性疼痛症 "chronic pain"): the kind of thing named, not
 * context. A Chinese term that is a shorter term plus one of these is the same term written fuller.
 */
export const ZH_NAME_HEADS: readonly string[] = [
  "公司", "集团", "银行", "商社", "证券", "汽车公司", "航空公司", "有限公司", "股份公司", "控股", "书店", "酒店", "饭店", "商店",
  "州", "省", "市", "县", "岛", "群岛", "半岛", "河", "江", "湖", "山", "山脉", "海", "湾", "城",
  "大学", "学院", "医院", "研究所", "基金会", "协会", "组织", "俱乐部", "队", "号", "杯", "赛", "节",
  "症", "病", "综合征", "综合症",
];
