/* The site's own lazy thread: the first fragment comes when the section
   scrolls into view, each further one with "Load more comments". */
(function () {
  "use strict";
  function load(box, url) {
    fetch(url).then(function (r) { return r.text(); }).then(function (html) {
      var placeholder = box.querySelector(".comments-placeholder");
      if (placeholder) placeholder.remove();
      var old = box.querySelector(".load-more-comments");
      if (old) old.remove();
      var tmp = document.createElement("div");
      tmp.innerHTML = html;
      var list = box.querySelector(".comment-list");
      var fresh = tmp.querySelector(".comment-list");
      if (list && fresh) {
        while (fresh.firstChild) list.appendChild(fresh.firstChild);
        fresh.remove();
      }
      while (tmp.firstChild) box.appendChild(tmp.firstChild);
      var next = box.querySelector(".load-more-comments");
      if (next) next.addEventListener("click", function () {
        next.disabled = true;
        load(box, next.getAttribute("data-next"));
      });
    });
  }
  document.querySelectorAll("[data-lazy-comments]").forEach(function (box) {
    var seen = new IntersectionObserver(function (entries) {
      if (!entries.some(function (e) { return e.isIntersecting; })) return;
      seen.disconnect();
      load(box, box.getAttribute("data-lazy-comments"));
    });
    seen.observe(box);
  });
})();
