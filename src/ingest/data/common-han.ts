/**
 * The most frequent Chinese characters of running text (the head of the modern Chinese
 * character frequency list), in Simplified form, and the Traditional forms of those that
 * differ (made with opencc-js cn→tw by scripts/gen-common-han.mjs, plus 個 復 乾). A legacy
 * encoding guessed wrong (Big5 read as GBK, or the reverse) still yields Han characters, but
 * rare ones: the share of common ones tells the right reading.
 */
export const COMMON_HAN: ReadonlySet<string> = new Set([..."的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从知使点业本把性应开它合因由些外政四社义平形相全表间样关各重新线内数正反明原利比或但质气第向命变条结解问意建月系很情最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接较组计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞", ..."這為來箇們說國時於會後對著裡過發軍無麼經當與學進種將還見沒從點業應開義間樣關線內數質氣變條結問並題黨員總設長頭資邊級圖統較組計別論運農幾區強決幹戰則據處隊給門規熱領東導壓爭濟階術極聯認權證採轉單風帶場車務萬達積議聲報鬥類離華確張馬節話況溫傳許廣記觀織裝眾書覆兒須際驗連斷難礦備辦習響約勞團歷構稱準號維劃選標寫親養層卻專狀廠識適屬圓調滿縣參紅細聽該鐵價嚴龍飛個復乾"]);
