/* FAQ pages, progressively enhanced (the page works fully without this file):
   a link to a question reopens it if the reader had folded it.
   Each question's "Kopirajte link" button is run by js/share.js, like every copy button. */
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
})();
