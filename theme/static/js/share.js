/* Share links, progressively enhanced (every link works without this file):
   - "Kopiraj link" copies the address and says so in the block's role="status";
   - "Druge aplikacije…" opens the system share sheet, only where navigator.share exists. */
(function () {
  "use strict";

  function announce(block, message) {
    var status = block && block.querySelector(".share-status");
    if (!status) return;
    /* Clear first so the same message is announced again on a second click. */
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function reveal(button) {
    button.closest("li").hidden = false;
  }

  var canCopy = navigator.clipboard && window.isSecureContext;
  Array.prototype.forEach.call(document.querySelectorAll(".share-copy"), function (button) {
    if (!canCopy) return;
    var block = button.closest(".share");
    var url = new URL(button.getAttribute("data-copy-url"), location.href).href;
    reveal(button);
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(url).then(
        function () { announce(block, "Link je kopiran."); },
        function () { announce(block, "Kopiranje nije uspelo. Link: " + url); }
      );
    });
  });

  if (typeof navigator.share !== "function") return;
  Array.prototype.forEach.call(document.querySelectorAll(".share-native"), function (button) {
    var data = {
      title: button.getAttribute("data-share-title"),
      url: new URL(button.getAttribute("data-share-url"), location.href).href
    };
    if (navigator.canShare && !navigator.canShare(data)) return;
    reveal(button);
    button.addEventListener("click", function () {
      navigator.share(data).catch(function () { /* the reader closed the sheet */ });
    });
  });
})();
