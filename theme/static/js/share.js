/* Copy-link and share buttons, progressively enhanced (every link works without this file).
   - Any button[data-copy-url] (share blocks, FAQ questions) copies its address and says
     so in the nearest role="status" element; shown only where the clipboard works.
   - "Druge aplikacije…" opens the system share sheet, only where navigator.share exists. */
(function () {
  "use strict";

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
          function () { announce(status, "Link je kopiran."); },
          function () { announce(status, "Kopiranje nije uspelo. Link: " + url); }
        );
      });
    });
  }

  if (typeof navigator.share !== "function") return;
  Array.prototype.forEach.call(document.querySelectorAll(".share-native"), function (button) {
    var data = { title: button.getAttribute("data-share-title"), url: absolute(button.getAttribute("data-share-url")) };
    if (navigator.canShare && !navigator.canShare(data)) return;
    reveal(button);
    button.addEventListener("click", function () {
      navigator.share(data).catch(function () { /* the reader closed the sheet */ });
    });
  });
})();
