// Scroll through the page in steps (half a viewport, one frame and `arg.pause`
// ms each) so that loaders waiting for their element to come into view fire,
// then bring every comment region into view; at most `arg.steps` steps.
async (arg) => {
  "use strict";
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, arg.pause)));
  const step = Math.max(200, Math.floor(innerHeight / 2));
  for (let y = 0, n = 0; y < document.documentElement.scrollHeight && n < arg.steps; y += step, n++) {
    scrollTo(0, y);
    await frame();
  }
  const REGION = /comment|discuss|thread|conversation|komment|comentar|коммент/i;
  const names = (el) => `${el.id || ""} ${typeof el.className === "string" ? el.className : ""} ${el.localName}`;
  for (const el of document.querySelectorAll("[id], [class], iframe")) {
    if (REGION.test(names(el)) || (el.localName === "iframe" && REGION.test(el.src))) {
      el.scrollIntoView({ block: "center" });
      await frame();
    }
  }
}
