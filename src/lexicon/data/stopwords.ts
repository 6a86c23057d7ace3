/** English function words: no alignment evidence in them. */
export const EN_STOP = new Set(
  ("a an the of to in on at for with by from into and or but nor as than that which who whom whose this these those " +
    "is are was were be been being am has have had having do does did will would shall should can could may might must " +
    "it its they them their we us our you your he him his she her i me my not no so if then there here what when where " +
    "how why all any some such also very more most much many one's oneself up out over about against between through " +
    "during without within upon off again once just only own same too s t don very etc sb sth something someone " +
    "used variant see also lit fig abbr cl surname old kind type").split(" "),
);

/** Chinese function words and particles. */
export const ZH_STOP = new Set(
  "的 了 着 过 是 在 和 与 及 或 也 都 就 而 又 并 把 被 对 为 以 于 从 向 由 这 那 之 其 此 该 个 一 些 我们 你们 他们 它 他 她 我 你 有 将 要 会 能 可 可以 已 已经 还 更 最 很 不 没有 没 所 等 上 下 中 里 但 但是 因为 所以 如果 虽然 地 得".split(" "),
);
