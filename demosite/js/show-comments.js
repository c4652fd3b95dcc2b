/* A thread behind a "Show comments (N)" button: the click fetches the site's
   JSON and renders it as nested div.comment-item blocks. */
(function () {
  "use strict";
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function render(item) {
    var box = el("div", "comment-item");
    box.setAttribute("data-id", item.id);
    var meta = el("div", "comment-meta");
    meta.appendChild(el("span", "comment-author", item.name));
    var time = el("time", "comment-date", item.date.slice(0, 16).replace("T", " "));
    time.setAttribute("datetime", item.date);
    meta.appendChild(time);
    var text = el("div", "comment-text");
    text.innerHTML = item.html;
    box.appendChild(meta);
    box.appendChild(text);
    box.appendChild(el("div", "comment-replies"));
    return box;
  }
  document.querySelectorAll("button[data-comments-src]").forEach(function (button) {
    button.addEventListener("click", function () {
      button.disabled = true;
      fetch(button.getAttribute("data-comments-src")).then(function (r) { return r.json(); })
        .then(function (data) {
          var target = document.getElementById(button.getAttribute("aria-controls"));
          var nodes = {};
          data.items.forEach(function (item) {
            var node = render(item);
            nodes[item.id] = node;
            var parent = item.parentId && nodes[item.parentId];
            (parent ? parent.querySelector(".comment-replies") : target).appendChild(node);
          });
          target.hidden = false;
          button.remove();
        });
    });
  });
})();
