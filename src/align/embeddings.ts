import { TermbridgeError } from "../model/index.js";

/**
 * Optional neural evidence: sentence embeddings from a model the user brings (ONNX, with its
 * Hugging Face `tokenizer.json`). `onnxruntime-node` is imported only here, lazily, when an
 * encoder is created: without `--embeddings` it is never loaded.
 */

/** A WordPiece tokenizer read from a Hugging Face `tokenizer.json` (BERT, LaBSE, MiniLM style). */
export interface WordPieceTokenizer {
  /** Token ids of a text: [CLS] (or the template's first token), word pieces, [SEP]; at most `maxLength`. */
  encode(text: string): number[];
  padId: number;
}

const fail = (file: string, message: string, hint: string): TermbridgeError => new TermbridgeError({ code: "bad-embeddings", message, file, hint });

interface TokenizerJson {
  normalizer?: { type: string; lowercase?: boolean; strip_accents?: boolean | null; handle_chinese_chars?: boolean; normalizers?: TokenizerJson["normalizer"][] } | null;
  model?: { type?: string; vocab?: Record<string, number>; unk_token?: string; continuing_subword_prefix?: string; max_input_chars_per_word?: number };
  post_processor?: {
    type: string;
    cls?: [string, number];
    sep?: [string, number];
    single?: Array<{ SpecialToken?: { id: string } } | { Sequence?: { id: string } }>;
    special_tokens?: Record<string, { ids: number[] }>;
  } | null;
  truncation?: { max_length?: number } | null;
  padding?: { pad_id?: number } | null;
}

/** CJK ideographs get spaces around them (BERT's handle_chinese_chars): each is a word of its own. */
const CJK = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}])/gu;

/**
 * Reads a `tokenizer.json` whose model is WordPiece; its BERT normalizer (lower case, accents,
 * Chinese characters), BERT pre-tokenizer (white space and punctuation) and post-processor
 * (BertProcessing, RobertaProcessing or a single-sequence TemplateProcessing) are honoured.
 * `file` names it in errors.
 */
export function readTokenizer(json: string, file: string): WordPieceTokenizer {
  let t: TokenizerJson;
  try {
    t = JSON.parse(json) as TokenizerJson;
  } catch (e) {
    throw fail(file, `not a tokenizer.json: ${(e as Error).message}`, "give the tokenizer.json that came with the model");
  }
  const model = t?.model;
  if (model?.type !== "WordPiece" || !model.vocab || typeof model.vocab !== "object") {
    throw fail(file, `the tokenizer's model is ${model?.type ?? "missing"}, not WordPiece`, "give a model with a WordPiece tokenizer (BERT, LaBSE, MiniLM style)");
  }
  const vocab = new Map(Object.entries(model.vocab));
  const unk = vocab.get(model.unk_token ?? "[UNK]");
  if (unk === undefined) throw fail(file, `the vocabulary has no unknown token ${model.unk_token ?? "[UNK]"}`, "give the tokenizer.json that came with the model");
  const prefix = model.continuing_subword_prefix ?? "##";
  const maxChars = model.max_input_chars_per_word ?? 100;
  const norms = t.normalizer?.type === "Sequence" ? (t.normalizer.normalizers ?? []) : t.normalizer ? [t.normalizer] : [];
  const lower = norms.some((n) => n?.type === "Lowercase" || (n?.type === "BertNormalizer" && n.lowercase !== false));
  const strip = norms.some((n) => n?.type === "StripAccents" || (n?.type === "BertNormalizer" && (n.strip_accents ?? n.lowercase !== false)));
  const chinese = norms.some((n) => n?.type === "BertNormalizer" && n.handle_chinese_chars !== false);
  const { head, tail } = specialTokens(t.post_processor, vocab, file);
  const maxLength = t.truncation?.max_length ?? 512;
  const padId = t.padding?.pad_id ?? vocab.get("[PAD]") ?? 0;

  const pieces = (word: string): number[] => {
    if (word.length > maxChars) return [unk];
    const out: number[] = [];
    let start = 0;
    while (start < word.length) {
      let end = word.length;
      let id: number | undefined;
      for (; end > start; end--) {
        id = vocab.get((start > 0 ? prefix : "") + word.slice(start, end));
        if (id !== undefined) break;
      }
      if (id === undefined) return [unk];
      out.push(id);
      start = end;
    }
    return out;
  };
  return {
    padId,
    encode(text: string): number[] {
      let s = text;
      if (chinese) s = s.replace(CJK, " $1 ");
      if (lower) s = s.toLowerCase();
      if (strip) s = s.normalize("NFD").replace(/\p{Mn}/gu, "");
      const words = s.match(/[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu) ?? [];
      const ids = words.flatMap(pieces).slice(0, Math.max(0, maxLength - head.length - tail.length));
      return [...head, ...ids, ...tail];
    },
  };
}

/** The ids a post-processor puts before and after a single sequence. */
function specialTokens(pp: TokenizerJson["post_processor"], vocab: Map<string, number>, file: string): { head: number[]; tail: number[] } {
  if (!pp) return { head: [], tail: [] };
  if (pp.type === "BertProcessing" || pp.type === "RobertaProcessing") return { head: pp.cls ? [pp.cls[1]] : [], tail: pp.sep ? [pp.sep[1]] : [] };
  if (pp.type === "TemplateProcessing" && Array.isArray(pp.single)) {
    const head: number[] = [];
    const tail: number[] = [];
    let seen = false;
    for (const item of pp.single) {
      if ("Sequence" in item && item.Sequence) seen = true;
      else if ("SpecialToken" in item && item.SpecialToken) {
        const ids = pp.special_tokens?.[item.SpecialToken.id]?.ids ?? [vocab.get(item.SpecialToken.id)];
        if (ids.some((x) => x === undefined)) throw fail(file, `the template's token ${item.SpecialToken.id} is not in the vocabulary`, "give the tokenizer.json that came with the model");
        (seen ? tail : head).push(...(ids as number[]));
      }
    }
    return { head, tail };
  }
  throw fail(file, `post-processor ${pp.type} is not supported`, "give a BERT-style tokenizer.json (BertProcessing or TemplateProcessing)");
}

/** Turns sentences into unit vectors (mean-pooled over their tokens, then normalised). */
export type SentenceEncoder = (texts: readonly string[]) => Promise<Float32Array[]>;

/** Sentences per model run. */
const BATCH = 32;

/**
 * Loads an ONNX sentence-embedding model (its bytes) with `onnxruntime-node`, imported here
 * on first use. The model takes `input_ids` (and `attention_mask`, `token_type_ids` when it
 * declares them) and gives either token vectors [batch, tokens, dim], mean-pooled over the
 * attention mask, or sentence vectors [batch, dim]. Files are named in errors as `modelFile`.
 */
export async function createSentenceEncoder(model: Uint8Array, modelFile: string, tokenizer: WordPieceTokenizer): Promise<SentenceEncoder> {
  let ort: typeof import("onnxruntime-node");
  try {
    ort = await import("onnxruntime-node");
  } catch (e) {
    throw fail(modelFile, `onnxruntime-node cannot be loaded (${(e as Error).message.split("\n")[0]})`, "install it: ONNXRUNTIME_NODE_INSTALL=skip npm install onnxruntime-node");
  }
  let session: import("onnxruntime-node").InferenceSession;
  try {
    session = await ort.InferenceSession.create(model);
  } catch (e) {
    throw fail(modelFile, `not an ONNX model onnxruntime can load (${(e as Error).message.split("\n")[0]})`, "give a sentence-embedding model exported to ONNX");
  }
  if (!session.inputNames.includes("input_ids")) {
    throw fail(modelFile, `the model has no input_ids input (it has ${session.inputNames.join(", ")})`, "give a transformer encoder exported to ONNX with input_ids");
  }
  return async (texts) => {
    const out: Float32Array[] = [];
    for (let b = 0; b < texts.length; b += BATCH) {
      const ids = texts.slice(b, b + BATCH).map((t) => tokenizer.encode(t));
      const len = Math.max(1, ...ids.map((x) => x.length));
      const idData = new BigInt64Array(ids.length * len).fill(BigInt(tokenizer.padId));
      const mask = new BigInt64Array(ids.length * len);
      ids.forEach((row, r) => row.forEach((id, k) => ((idData[r * len + k] = BigInt(id)), (mask[r * len + k] = 1n))));
      const feeds: Record<string, import("onnxruntime-node").Tensor> = { input_ids: new ort.Tensor("int64", idData, [ids.length, len]) };
      if (session.inputNames.includes("attention_mask")) feeds.attention_mask = new ort.Tensor("int64", mask, [ids.length, len]);
      if (session.inputNames.includes("token_type_ids")) feeds.token_type_ids = new ort.Tensor("int64", new BigInt64Array(ids.length * len), [ids.length, len]);
      let result;
      try {
        result = await session.run(feeds);
      } catch (e) {
        throw fail(modelFile, `the model failed to run (${(e as Error).message.split("\n")[0]})`, "give a sentence-embedding model that takes input_ids");
      }
      const y = result[session.outputNames[0]!]!;
      const data = y.data as Float32Array;
      const dims = y.dims;
      if (y.type !== "float32" || (dims.length !== 3 && dims.length !== 2)) {
        throw fail(modelFile, `the model's first output is ${y.type} [${dims.join(", ")}], not float32 vectors`, "give a model whose first output is token or sentence vectors");
      }
      const dim = dims[dims.length - 1]!;
      ids.forEach((row, r) => {
        const v = new Float32Array(dim);
        if (dims.length === 2) v.set(data.subarray(r * dim, (r + 1) * dim));
        else {
          // Mean over the sentence's own tokens (the mask), not its padding.
          const seq = dims[1]!;
          for (let k = 0; k < row.length; k++) for (let d = 0; d < dim; d++) v[d]! += data[(r * seq + k) * dim + d]!;
        }
        let norm = 0;
        for (let d = 0; d < dim; d++) norm += v[d]! * v[d]!;
        norm = Math.sqrt(norm) || 1;
        for (let d = 0; d < dim; d++) v[d]! /= norm;
        out.push(v);
      });
    }
    return out;
  };
}
