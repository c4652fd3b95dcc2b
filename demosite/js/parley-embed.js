/* Parley's loader (the demo's Disqus look-alike): puts the thread's frame,
   served by the provider's own origin, into #parley_thread. */
(function () {
  "use strict";
  var holder = document.getElementById("parley_thread");
  var me = document.currentScript;
  if (!holder || !me) return;
  var origin = new URL(me.src).origin;
  var lang = document.documentElement.lang || "en";
  var frame = document.createElement("iframe");
  frame.src = origin + "/embed/" + encodeURIComponent(holder.getAttribute("data-parley-id")) +
    "?lang=" + encodeURIComponent(lang.slice(0, 2));
  frame.title = "Parley comments";
  frame.setAttribute("scrolling", "no");
  frame.style.cssText = "width:100%;border:0;height:320px";
  holder.appendChild(frame);
  window.addEventListener("message", function (event) {
    if (event.origin === origin && event.data && event.data.parleyHeight) {
      frame.style.height = event.data.parleyHeight + "px";
    }
  });
})();
