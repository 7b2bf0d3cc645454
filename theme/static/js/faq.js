/* FAQ pages, progressively enhanced (the page works fully without this file):
   - a link to a question reopens it if the reader had folded it;
   - "Kopiraj link" copies the question's address and says so (role="status"). */
(function () {
  "use strict";

  function openQuestion(id) {
    var item = id && document.getElementById(id);
    if (item && item.tagName === "DETAILS" && !item.open) {
      item.open = true;
      item.scrollIntoView();
    }
  }

  function openTargetedQuestion() {
    try {
      openQuestion(decodeURIComponent(location.hash.slice(1)));
    } catch (error) {
      /* a malformed %-escape in the address: nothing to open */
    }
  }

  openTargetedQuestion();
  window.addEventListener("hashchange", openTargetedQuestion);
  /* Following a link to the hash already in the address fires no hashchange. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#"]');
    if (link) openQuestion(decodeURIComponent(link.getAttribute("href").slice(1)));
  });

  if (!navigator.clipboard || !window.isSecureContext) return;

  function announce(status, message) {
    /* Clear first so the same message is announced again on a second click. */
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  Array.prototype.forEach.call(document.querySelectorAll(".faq-copy"), function (button) {
    var status = button.parentNode.querySelector(".faq-copy-status");
    var url = new URL(button.getAttribute("data-url"), location.href).href;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(url).then(
        function () { announce(status, "Link je kopiran."); },
        function () {
          location.hash = new URL(url).hash;
          announce(status, "Kopiranje nije uspelo; link do pitanja je sada u adresnoj traci.");
        }
      );
    });
  });
})();
