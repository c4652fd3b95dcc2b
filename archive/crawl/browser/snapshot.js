// This frame's document as HTML, with its open shadow roots inlined as
// <template shadowrootmode="open"> (what a parser then reads as children),
// and the comment regions scrolled into view first (lazy loaders).
(arg) => {
  "use strict";
  const roots = [];
  (function walk(root) {
    for (const el of root.querySelectorAll("*")) {
      if (el.shadowRoot) {
        roots.push(el.shadowRoot);
        walk(el.shadowRoot);
      }
    }
  })(document);
  const html = document.documentElement;
  const attrs = Array.from(html.attributes, (a) => ` ${a.name}="${a.value.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`).join("");
  const inner = html.getHTML ? html.getHTML({ serializableShadowRoots: true, shadowRoots: roots }) : html.innerHTML;
  return { html: `<!DOCTYPE html><html${attrs}>${inner}</html>`, shadowRoots: roots.length };
}
