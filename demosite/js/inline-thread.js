/* A thread shipped as JSON inside the page and rendered in the browser. */
(function () {
  "use strict";
  var data = document.getElementById("discussion-data");
  var root = document.getElementById("discussion-root");
  if (!data || !root) return;
  var thread = JSON.parse(data.textContent);
  var nodes = {};
  thread.posts.forEach(function (post) {
    var box = document.createElement("div");
    box.className = "comment";
    box.id = "comment-" + post.id;
    var head = document.createElement("p");
    head.className = "comment-header";
    var who = document.createElement("span");
    who.className = "comment-author";
    who.textContent = post.author.name;
    var when = document.createElement("time");
    when.setAttribute("datetime", post.createdAt);
    when.textContent = new Date(post.createdAt).toDateString();
    head.appendChild(who);
    head.appendChild(document.createTextNode(" · "));
    head.appendChild(when);
    var body = document.createElement("div");
    body.className = "comment-body";
    body.innerHTML = post.message;
    var kids = document.createElement("div");
    kids.className = "comment-children";
    box.appendChild(head);
    box.appendChild(body);
    box.appendChild(kids);
    var parent = post.parent && nodes[post.parent];
    (parent ? parent.querySelector(".comment-children") : root).appendChild(box);
    nodes[post.id] = box;
  });
})();
