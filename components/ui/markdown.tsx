import type { ReactNode } from "react";
import { parseMarkdown, type Block, type Inline } from "@/lib/markdown";

type HeadingTag = "h2" | "h3" | "h4" | "h5" | "h6";

/**
 * Renders the safe Markdown subset of lib/markdown as React elements (no HTML strings).
 * `headingLevel` is the level a `#` heading takes, so guidelines never add a second h1.
 */
export function Markdown({ source, headingLevel = 3 }: { source: string; headingLevel?: 2 | 3 | 4 }) {
  return <div className="space-y-3 text-sm leading-6 text-stone-800">{renderBlocks(parseMarkdown(source), headingLevel)}</div>;
}

const HEADING_CLASS = ["text-base font-semibold", "text-sm font-semibold", "text-sm font-semibold", "text-sm font-medium", "text-sm font-medium", "text-sm font-medium"];

function renderBlocks(blocks: Block[], headingLevel: number): ReactNode[] {
  return blocks.map((block, index) => {
    switch (block.type) {
      case "heading": {
        const Tag = `h${Math.min(6, headingLevel + block.level - 1)}` as HeadingTag;
        return (
          <Tag key={index} className={HEADING_CLASS[block.level - 1]}>
            {renderInlines(block.children)}
          </Tag>
        );
      }
      case "paragraph":
        return <p key={index}>{renderInlines(block.children)}</p>;
      case "list": {
        const items = block.items.map((item, itemIndex) => <li key={itemIndex}>{renderInlines(item)}</li>);
        return block.ordered ? (
          <ol key={index} start={block.start} className="list-decimal space-y-1 pl-6">
            {items}
          </ol>
        ) : (
          <ul key={index} className="list-disc space-y-1 pl-6">
            {items}
          </ul>
        );
      }
      case "quote":
        return (
          <blockquote key={index} className="space-y-2 border-l-4 border-stone-300 pl-3 text-stone-700">
            {renderBlocks(block.children, headingLevel)}
          </blockquote>
        );
      case "code":
        return (
          <pre key={index} className="overflow-x-auto rounded-md bg-stone-100 p-3 font-mono text-xs">
            <code>{block.text}</code>
          </pre>
        );
      case "rule":
        return <hr key={index} className="border-stone-200" />;
    }
  });
}

function renderInlines(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case "text":
        return node.text;
      case "strong":
        return <strong key={index}>{renderInlines(node.children)}</strong>;
      case "emphasis":
        return <em key={index}>{renderInlines(node.children)}</em>;
      case "code":
        return (
          <code key={index} className="rounded bg-stone-100 px-1 font-mono text-xs">
            {node.text}
          </code>
        );
      case "link":
        // Guidelines sit beside the article being annotated: links open in a new tab, said so to screen readers.
        return (
          <a key={index} href={node.href} target="_blank" rel="noopener noreferrer nofollow" className="text-sky-800 underline">
            {renderInlines(node.children)}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        );
    }
  });
}
