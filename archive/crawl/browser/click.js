// One click round in one frame (newsarchive's browser stage, archive/browser/session.py).
// Clicks the visible controls that reveal or load comments, in the document
// and its open shadow roots; returns how many it clicked and how many such
// controls it left unclicked (the click budget ran out).
// `arg.frameIsThread`: this frame is a comment widget (its <iframe> sits in a
// comment region), so every control in it counts as inside the thread.
(arg) => {
  "use strict";
  const word = (list) => new RegExp("(?<![\\p{L}\\p{N}])(?:" + list.join("|") + ")(?![\\p{L}])", "iu");
  // verbs and nouns of "show me more of the thread", in several languages
  const REVEAL = word([
    "load", "show", "view", "see", "display", "read", "more", "older", "previous", "earlier",
    "expand", "hidden", "reveal", "replies", "\\d+ repl(?:y|ies)", "continue",
    "cargar", "mostrar", "ver", "más", "mas", "anteriores", "respuestas",
    "carregar", "mais", "exibir", "respostas",
    "charger", "afficher", "voir", "plus", "réponses",
    "laden", "anzeigen", "mehr", "weitere", "ältere", "antworten anzeigen",
    "carica", "mostra", "altri", "vedi", "risposte",
    "meer", "toon", "laad", "reacties",
    "pokaż", "więcej", "załaduj", "odpowiedzi",
    "показать", "загрузить", "ещё", "еще", "ответы", "раскрыть", "развернуть",
  ]);
  const THREAD = word([
    "comments?", "replies", "repl(?:y|ies)", "discussion", "conversation", "thread", "responses",
    "comentarios?", "respuestas", "comentários", "respostas", "commentaires?", "réponses",
    "kommentare?", "commenti", "risposte", "reacties", "komentarz[ey]?",
    "комментари[йяие]в?", "ответы", "обсуждение",
  ]);
  // never: writing, voting, sharing, signing in, sorting; and other content than comments
  const NEVER = word([
    "reply", "respond", "share", "report", "flag", "like", "upvote", "downvote", "vote",
    "log ?in", "sign ?in", "sign ?up", "register", "subscribe", "follow", "sort", "newest",
    "oldest", "best", "top", "edit", "delete", "remove", "cancel", "post", "submit", "send",
    "publish", "block", "mute", "stories", "articles", "news", "headlines", "videos", "photos",
    "products", "responder", "compartir", "publicar", "répondre", "partager", "teilen", "rispondi", "ответить", "поделиться", "войти", "отправить",
  ]);
  const REGION = /comment|discuss|thread|repl|conversation|respons|komment|comentar|коммент|isso|disqus|coral|spot-?im|openweb|viafoura|commento|remark42|talkyard|hyvor|giscus|utteranc/i;
  const CLASS_REVEAL = /load|more|expand|reveal|hidden|show/i;

  // "Load more" controls are often one element clicked again and again; a
  // "Show comments" toggle clicked twice would hide the thread again.
  const AGAIN = word([
    "more", "hidden", "older", "previous", "earlier", "más", "mas", "mais", "plus", "mehr",
    "weitere", "ältere", "anteriores", "altri", "meer", "więcej", "ещё", "еще",
  ]);
  const clicks = (window.__newsarchiveClicks = window.__newsarchiveClicks || new WeakMap());
  const label = (el) =>
    [el.innerText || el.textContent || "", el.getAttribute("aria-label") || "",
     el.getAttribute("title") || "", el.value || ""].join(" ").replace(/\s+/g, " ").trim().slice(0, 120);
  const names = (el) =>
    [el.id || "", typeof el.className === "string" ? el.className : "", el.localName,
     el.getAttribute("data-testid") || "", el.getAttribute("data-role") || ""].join(" ");

  function inRegion(el) {
    if (arg.frameIsThread) return true;
    for (let node = el; node; ) {
      if (node.nodeType === 1 && REGION.test(names(node))) return true;
      node = node.parentNode || node.host;  // climbs out of shadow roots
    }
    return false;
  }
  function visible(el) {
    if (el.disabled || el.getAttribute("aria-disabled") === "true" || el.hidden) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
  }
  function navigates(el) {  // a link to another document: never followed from here
    if (el.localName !== "a" || !el.hasAttribute("href")) return false;
    const href = el.getAttribute("href").trim();
    if (!href || href.startsWith("#") || /^javascript:/i.test(href)) return false;
    try {
      const to = new URL(href, el.baseURI), here = new URL(location.href);
      to.hash = here.hash = "";
      return to.href !== here.href;
    } catch (e) {
      return true;
    }
  }
  function wanted(el) {
    if (el.closest("form") || el.getAttribute("type") === "submit" || navigates(el)) return false;
    const text = label(el);
    if (!text || text.length > 80 || NEVER.test(text)) return false;
    const before = clicks.get(el) || 0;
    if (before && (before >= 50 || !AGAIN.test(text + " " + names(el)))) return false;
    const reveals = REVEAL.test(text) || CLASS_REVEAL.test(names(el));
    const aboutThread = THREAD.test(text);
    if (!(reveals || (aboutThread && el.localName !== "a"))) return false;
    return aboutThread || inRegion(el);
  }
  const CONTROLS = "button, a, [role=button], [role=link], summary, [onclick], input[type=button]";
  const found = [];
  (function walk(root) {
    for (const el of root.querySelectorAll(CONTROLS)) if (wanted(el)) found.push(el);
    for (const el of root.querySelectorAll("*")) if (el.shadowRoot) walk(el.shadowRoot);
  })(document);
  let clicked = 0, left = 0;
  for (const el of found) {
    if (!el.isConnected || !visible(el)) continue;
    if (clicked >= arg.budget) {
      left += 1;
      continue;
    }
    clicks.set(el, (clicks.get(el) || 0) + 1);
    el.scrollIntoView({ block: "center" });
    el.click();
    clicked += 1;
  }
  return { clicked: clicked, left: left };
}
