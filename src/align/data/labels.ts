/**
 * A speaker label opening a sentence of a transcript or interview: a short name or
 * title followed by a colon ("Wang Yi: …", "China Central Television: …", "王毅：…",
 * "中央广播电视总台央视记者: …"). A label turn on one side is a label turn on the other.
 */
export const EN_SPEAKER_LABEL = /^(?:[A-Z][\w.'’&-]*)(?:\s+(?:[A-Z][\w.'’&-]*|of|the|and|de|von|van|al|bin)){0,7}\s?:\s/u;
export const ZH_SPEAKER_LABEL = /^[\p{Script=Han}A-Za-z·•・]{1,24}\s?[:：]/u;
