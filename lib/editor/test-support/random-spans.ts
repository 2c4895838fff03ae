import { seededRandom } from "../../text/test-support";

const LABELS = ["QUOTE", "CLAIM", "ACTOR"];

/**
 * A seeded source of random whole numbers for the randomised editor tests, and a first set of
 * `count` spans (labels in turn) within `length` code points, each at most `longest` long,
 * made by `make` (each test has its own span shape).
 */
export function randomSpans<S>(
  seed: number,
  options: { count: number; length: number; longest: number },
  make: (id: string, start: number, end: number, label: string) => S,
): { int: (max: number) => number; spans: S[] } {
  const random = seededRandom(seed);
  const int = (max: number) => Math.floor(random() * max);
  const spans = Array.from({ length: options.count }, (_, i) => {
    const start = int(options.length);
    return make(`s${i}`, start, start + 1 + int(options.longest), LABELS[i % 3]);
  });
  return { int, spans };
}
