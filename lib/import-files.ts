import { formatFromFileName } from "./formats/readers/sniff";

/**
 * Groups uploaded or named files into import units: a brat `.txt` goes with the `.ann` of
 * the same name; a `.txt` alone is plain text; `.jsonl`/`.ndjson`/`.json` are JSONL
 * (native or doccano, told apart by their first line).
 */
export type ImportUnit<F> =
  | { kind: "jsonl"; file: F; name: string }
  | { kind: "plain"; file: F; name: string }
  | { kind: "brat"; txt: F; ann: F; txtName: string; annName: string };

export type Grouping<F> = { units: ImportUnit<F>[]; problems: { file: string; message: string }[] };

function stem(name: string): string {
  return name.replace(/\.[^./\\]+$/, "");
}

export function groupImportFiles<F>(files: { name: string; file: F }[]): Grouping<F> {
  const units: ImportUnit<F>[] = [];
  const problems: Grouping<F>["problems"] = [];
  const annByStem = new Map<string, { name: string; file: F }>();
  for (const entry of files) if (formatFromFileName(entry.name) === "brat") annByStem.set(stem(entry.name), entry);
  const pairedAnn = new Set<string>();
  for (const entry of files) {
    const format = formatFromFileName(entry.name);
    if (format === "brat") continue;
    if (format === "jsonl") units.push({ kind: "jsonl", file: entry.file, name: entry.name });
    else if (format === "plain") {
      const ann = annByStem.get(stem(entry.name));
      if (ann) {
        pairedAnn.add(ann.name);
        units.push({ kind: "brat", txt: entry.file, ann: ann.file, txtName: entry.name, annName: ann.name });
      } else units.push({ kind: "plain", file: entry.file, name: entry.name });
    } else {
      problems.push({ file: entry.name, message: "unknown file type: import .jsonl (native or doccano), .txt, or brat .txt + .ann pairs" });
    }
  }
  for (const [, ann] of annByStem) {
    if (!pairedAnn.has(ann.name)) problems.push({ file: ann.name, message: `brat annotations need their text: add ${stem(ann.name)}.txt` });
  }
  return { units, problems };
}
