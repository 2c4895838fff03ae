import { describe, expect, it } from "vitest";
import { collectBytes } from "../stream";
import { readZip, smallCorpus } from "../test-support/corpus";
import { bratAnnotationConf, bratFileStem, writeBratZip } from "./brat";

const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe("brat writer", () => {
  it("zips {id}.txt, {id}.ann and annotation.conf for one layer", async () => {
    const zip = readZip(await collectBytes(writeBratZip(smallCorpus(), { layer: "alice@example.org", modified: new Date(0) })));
    expect([...zip.keys()]).toEqual(["waltz-abc-2025-01-12.txt", "waltz-abc-2025-01-12.ann", "annotation.conf"]);
    expect(decode(zip.get("waltz-abc-2025-01-12.txt"))).toBe(smallCorpus()[0].text);
    expect(decode(zip.get("waltz-abc-2025-01-12.ann")).split("\n")).toEqual([
      'T1\tQUOTE 16 29\t"we will act"',
      "T2\tACTOR 0 10\tMike Waltz",
      "T3\tCLAIM 52 68\tthe talks failed",
      "T4\tACTOR 41 43\tHe",
      "R1\tattributed_to Arg1:T1 Arg2:T2",
      "R2\tattributed_to Arg1:T3 Arg2:T4",
      "N1\tReference T2 Sourcemark:Mike%20Waltz\tMike Waltz",
      "#1\tAnnotatorNotes T3\tparaphrase",
      "",
    ]);
    expect(decode(zip.get("annotation.conf"))).toBe(
      [
        "[entities]", "QUOTE", "CLAIM", "ACTOR", "",
        "[relations]", "attributed_to\tArg1:QUOTE|CLAIM, Arg2:ACTOR", "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "",
        "[events]", "", "[attributes]", "",
      ].join("\n"),
    );
  });

  it("puts each layer in its own folder when several are exported", async () => {
    const zip = readZip(await collectBytes(writeBratZip(smallCorpus())));
    expect([...zip.keys()]).toEqual([
      "alice%40example.org/waltz-abc-2025-01-12.txt",
      "alice%40example.org/waltz-abc-2025-01-12.ann",
      "gold/waltz-abc-2025-01-12.txt",
      "gold/waltz-abc-2025-01-12.ann",
      "annotation.conf",
    ]);
  });

  it("makes file names safe and reversible", () => {
    expect(bratFileStem("a/b c*.x")).toBe("a%2Fb%20c%2A.x");
    expect(bratFileStem("..")).toBe("%2E.");
  });

  it("declares attributes seen and extra labels in annotation.conf", () => {
    const conf = bratAnnotationConf(["QUOTE", "ACTOR", "EVENT"], new Map([["Negated", new Set<string>()], ["Certainty", new Set(["High", "Low"])]]));
    expect(conf).toContain("attributed_to\tArg1:QUOTE|EVENT, Arg2:ACTOR");
    expect(conf).toContain("Negated\tArg:<ENTITY>\nCertainty\tArg:<ENTITY>, Value:High|Low\n");
  });
});
