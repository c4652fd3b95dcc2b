/* Chorus (the demo's Coral/OpenWeb look-alike): <chorus-comments story=ID>
   renders into an open shadow root from the provider's JSON, a page of
   top-level comments at a time; replies past the first wait behind a button. */
(function () {
  "use strict";
  var me = document.currentScript;
  var origin = me ? new URL(me.src).origin : "";
  var L10N = {
    en: { count: "{n} comments", more: "More comments", replies: "View {n} replies" },
    es: { count: "{n} comentarios", more: "Más comentarios", replies: "Ver {n} respuestas" },
    ru: { count: "Комментарии: {n}", more: "Ещё комментарии", replies: "Ответы ({n})" }
  };
  var STYLE = "ol{list-style:none;padding-left:0}.chorus-replies{margin-left:2em}" +
    ".chorus-hidden{display:none}";

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  class ChorusComments extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      this.t = L10N[(this.getAttribute("lang") || "en").slice(0, 2)] || L10N.en;
      var shadow = this.attachShadow({ mode: "open" });
      var style = el("style");
      style.textContent = STYLE;
      this.count = el("h3", "chorus-count");
      this.list = el("ol", "chorus-list");
      this.more = el("button", "chorus-more", this.t.more);
      this.more.type = "button";
      this.more.hidden = true;
      this.more.addEventListener("click", this.load.bind(this));
      var box = el("section", "chorus");
      var form = el("form", "chorus-form comment-form");
      form.setAttribute("onsubmit", "return false");
      form.appendChild(el("textarea", "chorus-input"));
      [this.count, this.list, this.more, form].forEach(function (n) { box.appendChild(n); });
      shadow.appendChild(style);
      shadow.appendChild(box);
      this.page = 0;
      this.load();
    }

    load() {
      var self = this;
      self.more.disabled = true;
      var url = origin + "/chorus/api/stories/" + encodeURIComponent(self.getAttribute("story")) +
        "/comments?page=" + (self.page + 1);
      fetch(url).then(function (r) { return r.json(); }).then(function (data) {
        self.page = data.page;
        self.count.textContent = self.t.count.replace("{n}", data.total);
        data.comments.forEach(function (c) { self.list.appendChild(self.render(c)); });
        self.more.hidden = data.page >= data.pages;
        self.more.disabled = false;
      });
    }

    render(c) {
      var li = el("li", "chorus-comment");
      li.setAttribute("data-comment-id", c.commentId);
      var head = el("header", "chorus-meta");
      head.appendChild(el("strong", "chorus-user", c.user.displayName));
      var time = el("time", "chorus-time", new Date(c.createdAt).toLocaleDateString(this.getAttribute("lang") || "en"));
      time.setAttribute("datetime", c.createdAt);
      head.appendChild(time);
      var body = el("div", "chorus-body");
      body.innerHTML = c.body;
      li.appendChild(head);
      li.appendChild(body);
      if (c.replies.length) {
        var replies = el("ol", "chorus-replies");
        var self = this;
        c.replies.forEach(function (r, i) {
          var node = self.render(r);
          if (i > 0) node.classList.add("chorus-hidden");
          replies.appendChild(node);
        });
        li.appendChild(replies);
        if (c.replies.length > 1) {
          var show = el("button", "chorus-show-replies", this.t.replies.replace("{n}", c.replies.length - 1));
          show.type = "button";
          show.addEventListener("click", function () {
            replies.querySelectorAll(":scope > .chorus-hidden").forEach(function (n) {
              n.classList.remove("chorus-hidden");
            });
            show.remove();
          });
          li.appendChild(show);
        }
      }
      return li;
    }
  }

  if (!customElements.get("chorus-comments")) customElements.define("chorus-comments", ChorusComments);
})();
