/* Copy-link and share buttons, progressively enhanced (every link works without this file).
   - Any button[data-copy-url] (share blocks, FAQ questions) copies its address and says
     so in the nearest role="status" element; shown only where the clipboard works.
   - "Druge aplikacije…" opens the system share sheet: made here, only where navigator.share
     exists, for each list of share links, with the address and title its Telegram link
     carries (plugins/share_links gives that link both). */
(function () {
  "use strict";
  /* The messages come from the <script> element (partials/share_script.html), in the page's script. */
  var messages = document.currentScript ? document.currentScript.dataset : {};
  var copied = messages.copied || "Link je kopiran.";
  var copyFailed = messages.copyFailed || "Kopiranje nije uspelo. Link:";
  var more = messages.more || "Druge aplikacije…";

  function statusFor(button) {
    for (var node = button.parentElement; node; node = node.parentElement) {
      var status = node.querySelector('[role="status"]');
      if (status) return status;
    }
    return null;
  }

  function announce(status, message) {
    if (!status) return;
    /* Clear first so the same message is announced again on a second click. */
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function reveal(button) {
    button.hidden = false;
    var item = button.closest("li[hidden]");
    if (item) item.hidden = false;
  }

  function absolute(url) {
    return new URL(url, location.href).href;
  }

  if (navigator.clipboard && window.isSecureContext) {
    Array.prototype.forEach.call(document.querySelectorAll("button[data-copy-url]"), function (button) {
      var url = absolute(button.getAttribute("data-copy-url"));
      var status = statusFor(button);
      reveal(button);
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(
          function () { announce(status, copied); },
          function () { announce(status, copyFailed + " " + url); }
        );
      });
    });
  }

  if (typeof navigator.share !== "function") return;
  Array.prototype.forEach.call(document.querySelectorAll(".share-list"), function (list) {
    var source = list.querySelector("a.share-telegram");
    if (!source) return;
    var query = new URL(source.href).searchParams;
    var data = { title: query.get("text"), url: absolute(query.get("url")) };
    if (navigator.canShare && !navigator.canShare(data)) return;
    var item = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "share-link share-native";
    button.textContent = more;
    button.addEventListener("click", function () {
      navigator.share(data).catch(function () { /* the reader closed the sheet */ });
    });
    item.appendChild(button);
    list.appendChild(item);
  });
})();
