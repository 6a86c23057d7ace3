/**
 * A tiny sentence-embedding model and tokenizer the tests build themselves (nothing is
 * downloaded): an ONNX graph written as protobuf bytes by hand (onnx.proto field numbers),
 * and a Hugging Face tokenizer.json with a WordPiece vocabulary.
 */

/** Protobuf wire format: varints, length-delimited fields. */
function varint(n: number | bigint): number[] {
  let v = BigInt(n);
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return out;
}
const tag = (field: number, wire: number): number[] => varint((field << 3) | wire);
const int = (field: number, n: number): number[] => [...tag(field, 0), ...varint(n)];
const bytes = (field: number, b: ArrayLike<number>): number[] => [...tag(field, 2), ...varint(b.length), ...Array.from(b)];
const str = (field: number, s: string): number[] => bytes(field, new TextEncoder().encode(s));

/** ValueInfoProto of a tensor: name, element type (1 float, 7 int64) and dims (a string is a symbolic dim). */
function valueInfo(name: string, elemType: number, dims: Array<number | string>): number[] {
  const dim = (d: number | string): number[] => bytes(1, typeof d === "number" ? int(1, d) : str(2, d));
  const shape = dims.flatMap(dim);
  const tensorType = [...int(1, elemType), ...bytes(2, shape)];
  return [...str(1, name), ...bytes(2, bytes(1, tensorType))];
}

/**
 * An ONNX model: `input_ids` [batch, seq] int64 → Gather from an embedding table
 * [vocab, dim] → `token_vectors` [batch, seq, dim]; with `pooled`, ReduceMean over the
 * tokens gives `sentence_vector` [batch, dim] instead.
 */
export function tinyModel(table: number[][], pooled = false): Uint8Array {
  const dim = table[0]!.length;
  const raw = new Uint8Array(new Float32Array(table.flat()).buffer);
  const initializer = [...int(1, table.length), ...int(1, dim), ...int(2, 1), ...str(8, "table"), ...bytes(9, raw)];
  const gather = [...str(1, "table"), ...str(1, "input_ids"), ...str(2, "tokens"), ...str(3, "lookup"), ...str(4, "Gather")];
  const axes = [...str(1, "axes"), ...int(8, 1), ...int(20, 7)]; // AttributeProto: ints (field 8) = [1], type INTS (7)
  const keep = [...str(1, "keepdims"), ...int(3, 0), ...int(20, 2)]; // i (field 3) = 0, type INT (2)
  const mean = [...str(1, "tokens"), ...str(2, "sentence_vector"), ...str(3, "pool"), ...str(4, "ReduceMean"), ...bytes(5, axes), ...bytes(5, keep)];
  const graph = [
    ...bytes(1, gather),
    ...(pooled ? bytes(1, mean) : []),
    ...str(2, "tiny"),
    ...bytes(5, initializer),
    ...bytes(11, valueInfo("input_ids", 7, ["batch", "seq"])),
    ...bytes(12, pooled ? valueInfo("sentence_vector", 1, ["batch", dim]) : valueInfo("tokens", 1, ["batch", "seq", dim])),
  ];
  // ir_version 8, opset 13 (ReduceMean still takes axes as an attribute there).
  return Uint8Array.from([...int(1, 8), ...str(2, "termbridge-test"), ...bytes(7, graph), ...bytes(8, int(2, 13))]);
}

/** A BERT-style tokenizer.json over `vocab` (ids in order), [PAD] [UNK] [CLS] [SEP] first. */
export function tinyTokenizer(words: string[]): string {
  const vocab: Record<string, number> = {};
  ["[PAD]", "[UNK]", "[CLS]", "[SEP]", ...words].forEach((w, k) => (vocab[w] = k));
  return JSON.stringify({
    version: "1.0",
    truncation: null,
    padding: null,
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }],
      special_tokens: { "[CLS]": { id: "[CLS]", ids: [2], tokens: ["[CLS]"] }, "[SEP]": { id: "[SEP]", ids: [3], tokens: ["[SEP]"] } },
    },
    model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##", max_input_chars_per_word: 100, vocab },
  });
}
