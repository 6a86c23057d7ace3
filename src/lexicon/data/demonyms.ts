/**
 * English adjectives of nationality and the place they name: Chinese writes the place
 * ("British Dietetic Association" ↔ 英国营养学协会, "German Health Ministry" ↔ 德国卫生部), and the
 * dictionary glosses the place. General data: common countries and regions only.
 */
export const DEMONYMS: ReadonlyMap<string, string> = new Map([
  ["american", "usa"], ["british", "britain"], ["english", "england"], ["scottish", "scotland"], ["welsh", "wales"],
  ["irish", "ireland"], ["german", "germany"], ["french", "france"], ["italian", "italy"], ["spanish", "spain"],
  ["portuguese", "portugal"], ["dutch", "netherlands"], ["belgian", "belgium"], ["swiss", "switzerland"], ["austrian", "austria"],
  ["swedish", "sweden"], ["norwegian", "norway"], ["danish", "denmark"], ["finnish", "finland"], ["icelandic", "iceland"],
  ["polish", "poland"], ["czech", "czech"], ["hungarian", "hungary"], ["greek", "greece"], ["turkish", "turkey"],
  ["russian", "russia"], ["ukrainian", "ukraine"], ["chinese", "china"], ["japanese", "japan"], ["korean", "korea"],
  ["indian", "india"], ["pakistani", "pakistan"], ["vietnamese", "vietnam"], ["thai", "thailand"], ["indonesian", "indonesia"],
  ["malaysian", "malaysia"], ["singaporean", "singapore"], ["philippine", "philippines"], ["filipino", "philippines"],
  ["australian", "australia"], ["canadian", "canada"], ["mexican", "mexico"], ["brazilian", "brazil"], ["argentine", "argentina"],
  ["argentinian", "argentina"], ["chilean", "chile"], ["egyptian", "egypt"], ["israeli", "israel"], ["iranian", "iran"],
  ["iraqi", "iraq"], ["saudi", "saudi"], ["african", "africa"], ["european", "europe"], ["asian", "asia"], ["arab", "arabia"],
  ["nigerian", "nigeria"], ["kenyan", "kenya"], ["cuban", "cuba"], ["mongolian", "mongolia"], ["taiwanese", "taiwan"],
  ["palestinian", "palestine"], ["syrian", "syria"], ["afghan", "afghanistan"], ["lebanese", "lebanon"], ["jordanian", "jordan"],
  ["yemeni", "yemen"], ["libyan", "libya"], ["sudanese", "sudan"], ["ethiopian", "ethiopia"], ["somali", "somalia"],
  ["algerian", "algeria"], ["moroccan", "morocco"], ["tunisian", "tunisia"], ["ghanaian", "ghana"], ["tanzanian", "tanzania"],
  ["ugandan", "uganda"], ["zimbabwean", "zimbabwe"], ["zambian", "zambia"], ["angolan", "angola"], ["congolese", "congo"],
  ["cambodian", "cambodia"], ["laotian", "laos"], ["nepalese", "nepal"], ["nepali", "nepal"], ["bangladeshi", "bangladesh"],
  ["kazakh", "kazakhstan"], ["uzbek", "uzbekistan"], ["kyrgyz", "kyrgyzstan"], ["tajik", "tajikistan"], ["turkmen", "turkmenistan"],
  ["serbian", "serbia"], ["croatian", "croatia"], ["romanian", "romania"], ["bulgarian", "bulgaria"], ["slovak", "slovakia"],
  ["slovenian", "slovenia"], ["lithuanian", "lithuania"], ["latvian", "latvia"], ["estonian", "estonia"], ["belarusian", "belarus"],
  ["georgian", "georgia"], ["armenian", "armenia"], ["azerbaijani", "azerbaijan"], ["peruvian", "peru"], ["colombian", "colombia"],
  ["venezuelan", "venezuela"], ["bolivian", "bolivia"], ["ecuadorian", "ecuador"], ["uruguayan", "uruguay"], ["qatari", "qatar"],
  ["kuwaiti", "kuwait"], ["omani", "oman"], ["cypriot", "cyprus"], ["maltese", "malta"], ["fijian", "fiji"],
]);

/** Common names of places the dictionary glosses only by their official names (美国 "United States; USA"). */
export const PLACE_ALIASES: ReadonlyMap<string, string> = new Map([["america", "usa"], ["us", "usa"], ["holland", "netherlands"], ["burma", "myanmar"]]);
