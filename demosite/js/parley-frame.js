/* Inside Parley's frame: reads the thread's posts from the JSON API one cursor
   page at a time; "Load more comments" asks for the next page. */
(function () {
  "use strict";
  var root = document.getElementById("parley");
  var list = document.getElementById("posts");
  var more = document.getElementById("load-more");
  var count = root.querySelector(".thread-count");
  var thread = root.getAttribute("data-thread");
  var lang = document.documentElement.lang;
  var words = {
    en: ["comments", "ago", "years", "months", "days"],
    es: ["comentarios", "hace", "años", "meses", "días"],
    ru: ["комментариев", "назад", "лет", "мес.", "дн."]
  }[lang] || ["comments", "ago", "years", "months", "days"];
  var cursor = null;
  var byId = {};

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function ago(stamp) {
    var days = Math.max(0, (Date.now() - Date.parse(stamp)) / 86400000);
    var n = days > 730 ? [Math.floor(days / 365), words[2]] :
      days > 60 ? [Math.floor(days / 30), words[3]] : [Math.floor(days), words[4]];
    return lang === "es" ? words[1] + " " + n[0] + " " + n[1] : n[0] + " " + n[1] + " " + words[1];
  }

  function render(post) {
    var li = el("li", "post");
    li.id = "post-" + post.id;
    var byline = el("div", "post-byline");
    byline.appendChild(el("span", "author", post.author.name));
    var when = el("a", "time-ago", ago(post.createdAt));
    when.href = "#post-" + post.id;
    when.title = new Date(post.createdAt).toUTCString();
    byline.appendChild(when);
    var message = el("div", "post-message");
    message.innerHTML = post.message;
    li.appendChild(byline);
    li.appendChild(message);
    li.appendChild(el("ul", "children"));
    var above = post.parent && byId[post.parent];
    (above ? above.querySelector(".children") : list).appendChild(li);
    byId[post.id] = li;
  }

  function resize() {
    window.parent.postMessage({ parleyHeight: document.body.scrollHeight + 20 }, "*");
  }

  function page() {
    more.disabled = true;
    var url = "/api/3.0/threads/listPosts.json?thread=" + encodeURIComponent(thread) + "&limit=5";
    if (cursor) url += "&cursor=" + encodeURIComponent(cursor);
    fetch(url).then(function (r) { return r.json(); }).then(function (data) {
      count.textContent = data.thread.posts + " " + words[0];
      data.response.forEach(render);
      cursor = data.cursor.next;
      more.hidden = !data.cursor.hasNext;
      more.disabled = false;
      resize();
    });
  }

  more.addEventListener("click", page);
  page();
})();
