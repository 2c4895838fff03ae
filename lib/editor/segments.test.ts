import { describe, expect, it } from "vitest";
import { resegment, segmentation, segmentSpans, segmentStyle, tint, type Segment } from "./segments";
import { randomSpans } from "./test-support/random-spans";

const span = (id: string, start: number, end: number, label = "QUOTE") => ({ id, start, end, label });

describe("segmentSpans", () => {
  it("cuts a CLAIM inside a QUOTE into three segments, innermost first", () => {
    const segments = segmentSpans([span("q", 0, 10), span("c", 3, 6, "CLAIM")]);
    expect(segments.map((s) => [s.start, s.end, s.spans.map((x) => x.id)])).toEqual([
      [0, 3, ["q"]],
      [3, 6, ["c", "q"]],
      [6, 10, ["q"]],
    ]);
  });

  it("handles partial overlaps, touching spans and gaps", () => {
    const segments = segmentSpans([span("a", 0, 5), span("b", 3, 8), span("c", 8, 9), span("d", 12, 14)]);
    expect(segments.map((s) => [s.start, s.end, s.spans.map((x) => x.id).sort()])).toEqual([
      [0, 3, ["a"]],
      [3, 5, ["a", "b"]],
      [5, 8, ["b"]],
      [8, 9, ["c"]],
      [12, 14, ["d"]],
    ]);
  });

  it("keeps identical bounds of different labels together", () => {
    const segments = segmentSpans([span("q", 2, 4), span("a", 2, 4, "ACTOR")]);
    expect(segments).toHaveLength(1);
    expect(segments[0].spans.map((s) => s.id).sort()).toEqual(["a", "q"]);
  });

  it("covers every code point of every span exactly once per span (2,000 random spans)", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const spans = Array.from({ length: 2000 }, (_, i) => {
      const start = Math.floor(random() * 100_000);
      return span(`s${i}`, start, start + 1 + Math.floor(random() * 200));
    });
    const started = performance.now();
    const segments = segmentSpans(spans);
    expect(performance.now() - started).toBeLessThan(500);
    const covered = new Map<string, number>();
    for (const segment of segments) for (const s of segment.spans) covered.set(s.id, (covered.get(s.id) ?? 0) + segment.end - segment.start);
    for (const s of spans) expect(covered.get(s.id)).toBe(s.end - s.start);
  });
});

describe("resegment", () => {
  const shape = (segments: readonly Segment[]) => segments.map((s) => `${s.start}-${s.end}:${s.spans.map((x) => `${x.id}/${x.label}`).join(",")}`);

  it("keeps the segments away from a change and cuts again only around it", () => {
    const before = segmentation([span("q", 0, 10), span("c", 3, 6, "CLAIM"), span("a", 20, 25, "ACTOR")]);
    const change = resegment(before, [span("q", 0, 10), span("c", 3, 6, "CLAIM"), span("a", 20, 25, "ACTOR"), span("n", 8, 12, "ACTOR")])!;
    expect(shape(change.removed)).toEqual(["0-3:q/QUOTE", "3-6:c/CLAIM,q/QUOTE", "6-10:q/QUOTE"]);
    expect(change.next.segments).toContain(before.segments[3]);
    expect(shape(change.next.segments)).toEqual(shape(segmentSpans([...change.next.spans.values()])));
  });

  it("changes nothing when nothing changed, and gives up when most spans changed", () => {
    const spans = [span("q", 0, 10), span("c", 3, 6, "CLAIM")];
    const before = segmentation(spans);
    expect(resegment(before, [...spans])).toEqual({ next: { spans: before.spans, segments: before.segments }, removed: [], added: [] });
    expect(resegment(before, [span("q", 1, 10), span("c", 3, 7, "CLAIM")])).toBeNull();
  });

  it("equals cutting everything again after random adds, removals, moves, relabels and touched ranges", () => {
    const seeded = randomSpans(11, { count: 300, length: 5_000, longest: 60 }, span);
    const { int } = seeded;
    let { spans } = seeded;
    let current = segmentation(spans);
    for (let step = 0; step < 200; step++) {
      const next = [...spans];
      const k = int(next.length);
      const start = int(5_000);
      if (step % 4 === 0) next.push(span(`n${step}`, start, start + 1 + int(80), "CLAIM"));
      else if (step % 4 === 1) next.splice(k, 1);
      else if (step % 4 === 2) next[k] = { ...next[k], start: Math.max(0, next[k].start - int(10)), end: next[k].end + int(10) };
      else next[k] = { ...next[k], label: next[k].label === "ACTOR" ? "QUOTE" : "ACTOR" };
      const change = resegment(current, next, step % 5 === 0 ? [{ start, end: start + 20 }] : [])!;
      const kept = current.segments.filter((s) => !change.removed.includes(s));
      expect(shape(change.next.segments)).toEqual(shape(segmentSpans(next)));
      expect(new Set(change.next.segments)).toEqual(new Set([...kept, ...change.added]));
      spans = next;
      current = change.next;
    }
  });
});

describe("segment styles", () => {
  it("tints with the innermost label and underlines every covering span", () => {
    const [, middle] = segmentSpans([span("q", 0, 10), span("c", 3, 6, "CLAIM")]);
    const style = segmentStyle(middle, (label) => (label === "QUOTE" ? "#0072B2" : "#E69F00"), null);
    expect(style).toContain(`background-color:${tint("#E69F00", 0.16)}`);
    expect(style).toContain("inset 0 -2px 0 #E69F00");
    expect(style).toContain("inset 0 -5px 0 #0072B2");
  });
});

describe("resegment of restyled spans", () => {
  const shape = (segments: readonly Segment[]) => segments.map((s) => `${s.start}-${s.end}:${s.spans.map((x) => x.id).join(",")}`);
  it("cuts again around the restyled spans' old and new bounds, even when their bounds did not change", () => {
    const others = Array.from({ length: 12 }, (_, i) => span(`o${i}`, 100 + i * 10, 105 + i * 10));
    const spans = [span("q", 0, 10), span("a", 20, 25, "ACTOR"), span("c", 40, 45, "CLAIM"), ...others];
    const before = segmentation(spans);
    const change = resegment(before, [...spans], [], ["a", "gone"])!;
    expect(change.removed.map((s) => `${s.start}-${s.end}`)).toEqual(["20-25"]);
    expect(change.added.map((s) => `${s.start}-${s.end}`)).toEqual(["20-25"]);
    expect(change.added[0]).not.toBe(before.segments[1]);
    expect(shape(change.next.segments)).toEqual(shape(before.segments));
  });
});

describe("resegment with the changes known", () => {
  const shape = (segments: readonly Segment[]) => segments.map((s) => `${s.start}-${s.end}:${s.spans.map((x) => `${x.id}/${x.label}`).join(",")}`);

  it("equals cutting everything again, without walking the spans, after random changes of one to three spans", () => {
    const seeded = randomSpans(23, { count: 300, length: 5_000, longest: 60 }, span);
    const { int } = seeded;
    let { spans } = seeded;
    let current = segmentation(spans);
    for (let step = 0; step < 400; step++) {
      const byId = new Map(spans.map((s) => [s.id, s]));
      const changed = new Map<string, ReturnType<typeof span> | null>();
      for (let n = 0; n < 1 + int(3); n++) {
        const ids = [...byId.keys()];
        const victim = byId.get(ids[int(ids.length)])!;
        const start = int(5_000);
        const kind = int(6);
        let next: ReturnType<typeof span> | null;
        // A new span on an old one's bounds, a long one over many, a removal, a move, a relabel, a copy.
        if (kind === 0) next = span(`n${step}-${n}`, victim.start, victim.end, "CLAIM");
        else if (kind === 1) next = span(`w${step}-${n}`, start, start + 200 + int(400), "QUOTE");
        else if (kind === 2) next = null;
        else if (kind === 3) next = { ...victim, start: Math.max(0, victim.start - int(10)), end: victim.end + int(10) };
        else if (kind === 4) next = { ...victim, label: victim.label === "ACTOR" ? "QUOTE" : "ACTOR" };
        else next = { ...victim };
        const id = kind <= 1 ? next!.id : victim.id;
        if (next) byId.set(id, next);
        else byId.delete(id);
        changed.set(id, next);
      }
      const next = [...byId.values()];
      const restyled = step % 3 === 0 ? [next[int(next.length)].id] : [];
      const touched = step % 7 === 0 ? [{ start: int(5_000), end: int(5_000) + 30 }] : [];
      const change = resegment(current, next, touched, restyled, { changed })!;
      expect(shape(change.next.segments)).toEqual(shape(segmentSpans(next)));
      const kept = current.segments.filter((s) => !change.removed.includes(s));
      expect(new Set(change.next.segments)).toEqual(new Set([...kept, ...change.added]));
      expect([...change.next.spans.keys()].sort()).toEqual([...byId.keys()].sort());
      for (const id of restyled) expect(change.added.some((s) => s.spans.some((x) => x.id === id))).toBe(true);
      spans = next;
      current = change.next;
    }
  });
});
