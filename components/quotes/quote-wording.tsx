import type { DiffPiece } from "@/lib/quotes/word-diff";

/** A quote's wording with the words this outlet changed marked (as <ins>, so it reads as such without colour). */
export function QuoteWording({ pieces }: { pieces: readonly DiffPiece[] }) {
  return (
    <span className="font-serif">
      {pieces.map((piece, index) =>
        piece.kind === "changed" ? (
          <ins key={index} className="rounded-sm bg-amber-100 px-0.5 text-amber-950 no-underline decoration-amber-700 underline-offset-2 [text-decoration-line:underline]">
            {piece.text}
          </ins>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </span>
  );
}
