import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { DocumentMap } from "@/lib/text/document-map";
import type { SuggestedSpan } from "@/lib/suggestions/types";

/**
 * What the reader draws over the text besides the saved spans: suggestions (a dashed outline,
 * never the look of a saved span) and, after each attributed quote or claim, a small tag naming
 * its speaker. Kept in its own plugin so the annotation painter stays as it is; the state is a
 * DecorationSet replaced through a meta, like the annotation plugin's.
 */
export type SpeakerTag = { spanId: string; end: number; speaker: string };

export type OverlayInput = {
  suggestions: readonly SuggestedSpan[];
  focusedKey: string | null;
  speakerTags: readonly SpeakerTag[];
  map: DocumentMap;
};

type Meta = { overlay: OverlayInput };

export const overlayKey = new PluginKey<DecorationSet>("sourcemark-overlays");

export function overlayTransaction(state: EditorState, input: OverlayInput): Transaction {
  return state.tr.setMeta(overlayKey, { overlay: input } satisfies Meta).setMeta("addToHistory", false);
}

function describe(suggestion: SuggestedSpan): string {
  const from = suggestion.source === "model" ? `suggested by ${suggestion.model ?? "a model"}${typeof suggestion.score === "number" ? ` (${suggestion.score})` : ""}` : "suggested";
  const actor = suggestion.actor ? ` → ${suggestion.actor}` : "";
  return `${suggestion.label} ${from}${actor}: y or Enter accepts, d dismisses`;
}

function speakerElement(tag: SpeakerTag): HTMLElement {
  const element = document.createElement("span");
  element.className = "sm-speaker-tag";
  // Drawn by CSS from the attribute: no text node, so the tag never joins the article's text
  // (selections, copying, the position map).
  element.dataset.speaker = tag.speaker;
  element.dataset.spanId = tag.spanId;
  // The side panel says "said by …" for screen readers; the tag is for the eye.
  element.setAttribute("aria-hidden", "true");
  return element;
}

export function overlayDecorations(doc: EditorState["doc"], input: OverlayInput): DecorationSet {
  const decorations: Decoration[] = [];
  for (const suggestion of input.suggestions) {
    const range = input.map.spanToDocRange(suggestion.start, suggestion.end);
    if (range.from >= range.to) continue;
    const focused = suggestion.key === input.focusedKey;
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          class: `sm-suggestion sm-suggestion-${suggestion.label.toLowerCase()}${focused ? " sm-suggestion-focused" : ""}`,
          "data-suggestion-key": suggestion.key,
          "data-suggestion-label": suggestion.label,
          title: describe(suggestion),
        },
        { suggestionKey: suggestion.key },
      ),
    );
  }
  for (const tag of input.speakerTags) {
    // "end" bias: a quote that ends its paragraph gets its tag there, not at the next one's start.
    const to = input.map.codePointToDocPos(tag.end, "end");
    decorations.push(Decoration.widget(to, () => speakerElement(tag), { side: 2, key: `speaker-${tag.spanId}-${tag.speaker}-${to}`, ignoreSelection: true }));
  }
  return DecorationSet.create(doc, decorations);
}

export function overlayPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: overlayKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, value) {
        const meta = tr.getMeta(overlayKey) as Meta | undefined;
        if (meta?.overlay) return overlayDecorations(tr.doc, meta.overlay);
        return tr.docChanged ? value.map(tr.mapping, tr.doc) : value;
      },
    },
    props: {
      decorations: (state) => overlayKey.getState(state),
    },
  });
}
