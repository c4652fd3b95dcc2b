/* Buttons that load more stories or newsletter issues: no comments behind them. */
(function () {
  "use strict";
  document.querySelectorAll(".related-stories .load-more").forEach(function (button) {
    button.addEventListener("click", function () {
      button.disabled = true;
      fetch(button.getAttribute("data-more")).then(function (r) { return r.json(); })
        .then(function (data) {
          var list = button.parentNode.querySelector(".story-list");
          data.stories.forEach(function (s) {
            var li = document.createElement("li");
            li.className = "story-item";
            var a = document.createElement("a");
            a.href = s.url;
            a.textContent = s.title;
            var by = document.createElement("span");
            by.className = "story-author";
            by.textContent = s.author;
            li.appendChild(a);
            li.appendChild(by);
            list.appendChild(li);
          });
          button.remove();
        });
    });
  });
  document.querySelectorAll(".newsletter-box .show-more").forEach(function (button) {
    button.addEventListener("click", function () {
      var issues = button.parentNode.querySelector(".issues");
      var li = document.createElement("li");
      li.className = "issue";
      li.textContent = "Earlier issues are in the archive.";
      issues.appendChild(li);
      button.remove();
    });
  });
})();
