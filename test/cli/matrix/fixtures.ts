/*
 * What the bad-input and fault matrix runs on: fixtures made here (small, and some cannot live in
 * git: a FIFO, links, names with newlines), small file systems for the disk faults (root only;
 * skipped with the reason otherwise), and glossary folders.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(__dirname, "../../..");
export const BAD = join(ROOT, "test/fixtures/bad");
export const EXAMPLE = join(ROOT, "examples/ministry-briefing.md");
export const F = mkdtempSync(join(tmpdir(), "termbridge-matrix-fixtures-"));

// ---- fixtures made here (small, and some cannot live in git: a FIFO, links, names with newlines)
const put = (name: string, content: string | Buffer): string => {
  const p = join(F, name);
  mkdirSync(join(p, ".."), { recursive: true });
  writeFileSync(p, content);
  return p;
};
export const BI = "The river rose overnight.\n\n河水一夜之间上涨。\n\nThe dam held, and nobody was hurt.\n\n大坝安然无恙，无人受伤。\n";
const HEADER = '<header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en-US" srclang="en-US" datatype="plaintext"/>';
const tmx = (doctype: string, body: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n${doctype}\n<tmx version="1.4">${HEADER}<body>${body}</body></tmx>\n`;
const TU = (en: string, zh: string): string => `<tu><tuv xml:lang="en-US"><seg>${en}</seg></tuv><tuv xml:lang="zh-CN"><seg>${zh}</seg></tuv></tu>`;
const lol = `<!DOCTYPE tmx [<!ENTITY lol0 "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("")}]>`;

export const FX = {
  utf16NoBom: put("utf16-nobom.txt", Buffer.from(BI, "utf16le")),
  gb18030: put("gb18030.txt", Buffer.from("54686520726976657220726f7365206f7665726e696768742e0a0abad3cbaed2bbd2b9d6aebce4c9cfd5c7a1a30a0a5468652064616d2068656c642c20616e64206e6f626f64792077617320687572742e0a0ab4f3b0d3b0b2c8bbcedeeda6a3accedec8cbcadcc9cba1a30a", "hex")),
  big5: put("big5.txt", Buffer.from("54686520726976657220726f7365206f7665726e696768742e0a0aaa65a4f4a440a95da4a7b6a1a457baa6a1430a0a5468652064616d2068656c642c20616e64206e6f626f64792077617320687572742e0a0aa46ac5f2a677b54db54cae7ea141b54ca448a8fcb6cba1430a", "hex")),
  docx: put("letter.docx", Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(26), Buffer.from("[Content_Types].xml<Types/>word/document.xml")])),
  xxe: put("xxe.tmx", tmx('<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', TU("The river &xxe; rose.", "河水上涨了。"))),
  lol: put("billion-laughs.tmx", tmx(lol, TU("The &lol9; rose.", "河水上涨了。"))),
  internalEntity: put("internal-entity.tmx", tmx('<!DOCTYPE tmx [<!ENTITY mwr "Ministry of Water Resources">]>', TU("The &mwr; met today.", "水利部今天开会。") + TU("The river rose.", "河水上涨了。"))),
  deep: put("deep.tmx", tmx("", TU("The river rose.", "河水上涨了。") + `<tu>${"<note>".repeat(10_000)}${"</note>".repeat(10_000)}</tu>`)),
  deepBody: put("deep-body.tmx", tmx("", `${"<x>".repeat(10_000)}${"</x>".repeat(10_000)}`)),
  zeroUnits: put("zero.tmx", tmx("", "")),
  swappedEn: put("swapped/a.txt", "河水一夜之间上涨。大坝安然无恙。\n"),
  swappedZh: put("swapped/b.txt", "The river rose overnight. The dam held.\n"),
  pairEn: put("pair/a.en.txt", "The river rose overnight.\n"),
  emptyZh: put("pair/a.zh.txt", ""),
  badTbx: put("bad.tbx", '<?xml version="1.0"?>\n<martif type="TBX"><text><body><termEntry><langSet xml:lang="en"><tig><term>river</term></tig></langSet>\n</body></text></martif>\n'),
  emptyTbx: put("empty.tbx", '<?xml version="1.0"?>\n<martif type="TBX"><text><body></body></text></martif>\n'),
  badOmegat: put("bad.utf8", "river basin\t流域\nonly-one-field\n"),
  formulas: put("formulas.csv", "en,zh\n=1+1,公式\n+cmd,命令\n@SUM(A1),求和\n-minus,减\n"),
  noColumns: put("no-columns.csv", "a,b\nx,y\n"),
  unknownFormat: put("terms.xyz", "river\t河\n"),
  newlineName: put("odd\nname\u001b[31m.md", readFileSync(EXAMPLE, "utf8")),
  tabName: put("tab\tname.txt", ""),
  huge: join(F, "huge-line.txt"),
  longSentence: join(F, "long-sentence.txt"),
};
// A FIFO would make a naive reader wait for a writer for ever.
export const FIFO = join(F, "pipe.txt");
export const fifoMade = spawnSync("mkfifo", [FIFO]).status === 0;

/** Folders for the folder cases, each built fresh. */
export function folder(files: Record<string, string | Buffer>): string {
  const d = mkdtempSync(join(tmpdir(), "termbridge-matrix-folder-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(d, rel, ".."), { recursive: true });
    writeFileSync(join(d, rel), text);
  }
  return d;
}
export const SHORT_EN = "The Ministry of Water Resources inspected 300 reservoirs.\nEvery reservoir now has an early-warning system.\n";
export const SHORT_ZH = "水利部检查了300座水库。\n每座水库现已配备预警系统。\n";
/** A Chinese technical note whose code, URLs and markup hold more Latin letters than its prose holds Han. */
export const CODE_HEAVY_ZH = [
  "# 安装说明",
  "",
  "请先安装依赖，然后运行下面的命令。详见 https://example.org/docs/installation/getting-started?lang=zh-CN 和 <a href=\"https://github.com/example/project/blob/main/CONTRIBUTING.md\">贡献指南</a>。",
  "",
  "```bash",
  "npm install --save-dev typescript vitest @types/node && npx tsc --project tsconfig.json --outDir dist",
  "export DATABASE_URL=postgresql://user:password@localhost:5432/development_database",
  "```",
  "",
  "配置文件 `config/settings.production.json` 保存所有参数。",
  "",
].join("\n");
export const CODE_HEAVY_EN = "# Installation\n\nInstall the dependencies first, then run the command below. See https://example.org/docs/installation/getting-started for details.\n\n```bash\nnpm install --save-dev typescript vitest @types/node && npx tsc --project tsconfig.json --outDir dist\nexport DATABASE_URL=postgresql://user:password@localhost:5432/development_database\n```\n\nThe file `config/settings.production.json` holds every setting.\n";

// ---- small file systems for the disk faults (root only; skipped with the reason otherwise)
const mounts: string[] = [];
function tmpfs(opts: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), "termbridge-matrix-mnt-"));
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", opts, "tmpfs", dir], { encoding: "utf8" });
  if (r.status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}
const probe = tmpfs("size=64k");
export const NO_MOUNT = probe ? undefined : "cannot mount a tmpfs here (needs root): the read-only and disk-full cases are skipped";
if (NO_MOUNT) console.warn(`matrix: ${NO_MOUNT}`);
/** Unmounts the small file systems the cases made. */
export function unmountAll(): void {
  for (const m of mounts.reverse()) spawnSync("umount", ["-l", m]);
  mounts.length = 0;
}
/** A read-only folder (a tmpfs remounted read-only; chmod does not stop root). */
export function readOnlyDir(): string {
  const d = tmpfs("size=64k")!;
  spawnSync("mount", ["-o", "remount,ro", d]);
  return d;
}
/** A folder on a 1 MB disk that is already full but for a few bytes. */
export function fullDisk(): string {
  const d = tmpfs("size=1m")!;
  spawnSync("dd", ["if=/dev/zero", `of=${join(d, "filler")}`, "bs=4k", "count=1024"], { stdio: "ignore" });
  mkdirSync(join(d, "out"), { recursive: true });
  return join(d, "out");
}

export function glossaryWith(name: string): string {
  const g = mkdtempSync(join(tmpdir(), "g-"));
  copyFileSync(join(ROOT, "test/fixtures/glossary", name), join(g, "glossary.csv"));
  return g;
}
export function lockedGlossary(): string {
  const g = mkdtempSync(join(tmpdir(), "g-"));
  writeFileSync(join(g, ".glossary.lock"), `${process.ppid} 2026-01-01T00:00:00.000Z\n`);
  return g;
}

/** Writes the two big inputs: 10 MB on one line, and a 200,000-character sentence on each side. */
export function writeBigInputs(): void {
  writeFileSync(FX.huge, "river ".repeat(10 * 1024 * 1024 / 6));
  writeFileSync(FX.longSentence, `${"the river rose and ".repeat(10_500)}\n\n${"河水上涨了而且".repeat(28_600)}\n`);
}
