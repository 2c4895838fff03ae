import type { Page } from "@playwright/test";

/** Drags the mouse across the `occurrence`-th match of `needle` in the article text, as a person would. */
export async function selectTextByMouse(page: Page, needle: string, occurrence = 0): Promise<void> {
  const box = await page.evaluate(
    ({ needle, occurrence }) => {
      const root = document.querySelector(".ProseMirror");
      if (!root) throw new Error("no editor");
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      // Decorations split the text into several nodes: search the concatenation per paragraph.
      for (const paragraph of Array.from(root.querySelectorAll("p"))) {
        const inside = nodes.filter((node) => paragraph.contains(node));
        const full = inside.map((node) => node.data).join("");
        let at = -1;
        for (let i = 0; i <= occurrence; i++) {
          at = full.indexOf(needle, at + 1);
          if (at < 0) break;
        }
        if (at < 0) continue;
        const locate = (offset: number, preferEnd: boolean) => {
          let rest = offset;
          for (const node of inside) {
            if (rest < node.data.length || (preferEnd && rest === node.data.length)) return { node, offset: rest };
            rest -= node.data.length;
          }
          const last = inside[inside.length - 1];
          return { node: last, offset: last.data.length };
        };
        const start = locate(at, false);
        const end = locate(at + needle.length, true);
        const first = document.createRange();
        first.setStart(start.node, start.offset);
        first.setEnd(start.node, Math.min(start.offset + 1, start.node.data.length));
        const last = document.createRange();
        last.setStart(end.node, Math.max(0, end.offset - 1));
        last.setEnd(end.node, end.offset);
        const a = first.getClientRects()[0];
        const b = last.getClientRects()[last.getClientRects().length - 1];
        return { x1: a.left + 0.5, y1: a.top + a.height / 2, x2: b.right - 0.5, y2: b.top + b.height / 2 };
      }
      throw new Error(`"${needle}" not found in the article`);
    },
    { needle, occurrence },
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 3 });
  await page.mouse.move(box.x2, box.y2, { steps: 3 });
  await page.mouse.up();
}
