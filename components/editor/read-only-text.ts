import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";

/**
 * The article text cannot change, but the view stays editable so that the caret and
 * shift+arrow selection work: every transaction that would change the document is
 * dropped, and paste, drop and text input are swallowed.
 */
export const ReadOnlyText = Extension.create({
  name: "readOnlyText",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        filterTransaction: (tr) => !tr.docChanged,
        props: {
          handlePaste: () => true,
          handleDrop: () => true,
          handleTextInput: () => true,
        },
      }),
    ];
  },
});
