/**
 * Characters of the standard transcription of foreign names into Chinese (the syllable table of
 * the Xinhua transcription of foreign names, with the feminine characters common in given names):
 * 贝索斯, 斯皮尔伯格. General data, shared by the Chinese candidate assembler (which rebuilds names
 * jieba cut into characters) and the linker (which hears a name in them).
 */
export const TRANSLIT_CHARS: ReadonlySet<string> = new Set(
  [
    "阿埃艾爱安昂奥敖",
    "巴拜班邦包保鲍贝本比彼毕宾滨波伯博布",
    "查彻达黛戴丹道德登迪蒂丁东杜敦顿多",
    "厄恩尔",
    "法范菲费芬丰冯弗伏福富",
    "盖甘冈戈格葛根贡古圭",
    "哈海汉豪赫亨洪胡华怀霍",
    "基吉季加嘉贾简杰捷金",
    "卡凯坎康考柯科克肯孔库夸奎昆",
    "拉腊莱赖兰朗劳勒雷蕾里丽利莉廉林琳铃隆娄卢鲁路伦罗洛",
    "马玛迈麦曼芒梅门蒙孟米敏莫默姆穆",
    "纳娜奈南内尼妮涅宁纽努诺",
    "欧",
    "帕派潘庞佩彭皮珀普",
    "齐奇恰乔切钦琴琼丘",
    "萨塞赛桑瑟森沙莎尚绍舍什施史斯松苏索",
    "塔泰坦汤唐陶特滕提廷通图托",
    "瓦万旺威韦维魏温沃乌伍",
    "西希锡夏谢辛欣休",
    "雅亚扬耶伊依茵因英尤于约",
    "泽扎詹兹佐茨",
    "娅丝琪芭黛薇",
    "夫瑞思佛芙露柏凡弥罕汀肖斐密",
    // 圣 writes San/Saint in place names (圣迭戈, 圣保罗); 迭 and 逊 are table syllables (迭戈, 亚马逊).
    "圣迭逊",
  ].join(""),
);

