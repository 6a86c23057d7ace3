/**
 * Past and participle forms of common English irregular verbs, with their base form, so that
 * "said" meets a dictionary gloss "to say" (Porter stemming leaves irregular forms alone).
 * Forms that are as often another word are left out: left (左), found (to found), felt (felt
 * cloth), lay (to lay), rose, wound, bore, ground, lit, fell, spoke, bit (a bit), born (bear 熊).
 */
const PAIRS =
  "was:be were:be been:be had:have did:do done:do said:say went:go gone:go came:come saw:see seen:see " +
  "took:take taken:take got:get gotten:get made:make knew:know known:know thought:think told:tell " +
  "gave:give given:give stood:stand sat:sit ran:run brought:bring bought:buy caught:catch taught:teach " +
  "fought:fight sought:seek held:hold kept:keep slept:sleep wept:weep swept:sweep crept:creep " +
  "meant:mean heard:hear paid:pay sent:send spent:spend built:build lent:lend bent:bend lost:lose " +
  "met:meet led:lead fed:feed fled:flee bled:bleed sped:speed won:win hung:hang struck:strike " +
  "wrote:write written:write drove:drive driven:drive rode:ride ridden:ride risen:rise " +
  "arose:arise arisen:arise chose:choose chosen:choose froze:freeze frozen:freeze broke:break broken:break " +
  "woke:wake woken:wake stole:steal stolen:steal spoken:speak forgot:forget forgotten:forget " +
  "began:begin begun:begin drank:drink drunk:drink sang:sing sung:sing rang:ring rung:ring swam:swim " +
  "sank:sink sunk:sink shrank:shrink threw:throw thrown:throw grew:grow grown:grow drew:draw drawn:draw " +
  "flew:fly flown:fly blew:blow blown:blow ate:eat eaten:eat fallen:fall hid:hide hidden:hide " +
  "bitten:bite shook:shake shaken:shake understood:understand withdrew:withdraw " +
  "became:become overcame:overcome forgave:forgive wore:wear worn:wear tore:tear torn:tear swore:swear " +
  "sworn:swear beaten:beat sold:sell dug:dig stuck:stick swung:swing shone:shine shot:shoot " +
  "slid:slide laid:lay lain:lie fought:fight knelt:kneel dealt:deal dreamt:dream leapt:leap " +
  "burnt:burn learnt:learn spelt:spell spilt:spill spat:spit sprang:spring sprung:spring " +
  "children:child men:man women:woman feet:foot teeth:tooth mice:mouse people:person geese:goose";

/**
 * Full words and the clipped form English uses as often (a dictionary glosses 电话 "telephone",
 * a text says "phone"), and British spellings Porter stemming does not fold (programme, defence).
 * Both forms stem alike, on both the gloss and the text side.
 */
const SAME_WORD =
  "telephone:phone telephones:phone cellphone:phone airplane:plane aeroplane:plane airplanes:plane aeroplanes:plane " +
  "influenza:flu laboratory:lab laboratories:lab examination:exam photograph:photo photographs:photo " +
  "refrigerator:fridge mathematics:math maths:math gymnasium:gym memorandum:memo veterinarian:vet " +
  "television:tv bicycle:bike bicycles:bike advertisement:ad advertisements:ad " +
  "programme:program programmes:program defence:defense licence:license offence:offense catalogue:catalog " +
  "dialogue:dialog analogue:analog tyre:tire tyres:tire kerb:curb cheque:check aluminium:aluminum grey:gray";

/** Irregular form → base form, and clipped or British forms → the form both stem as. */
export const EN_IRREGULAR: ReadonlyMap<string, string> = new Map(`${PAIRS} ${SAME_WORD}`.split(" ").map((p) => p.split(":") as [string, string]));
