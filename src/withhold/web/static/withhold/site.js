// Withhold's own script: a small addition to htmx, loaded from a file (the content security policy
// allows no inline script). Every page works without it; with it, the interview answers in one round trip.
(function () {
  "use strict";

  // A 422 is a reply that did not fit ("that is not a date"): its page says why, so it is shown like a
  // success. htmx leaves every other 4xx and 5xx unswapped, as by default.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Content swapped in may name where the keyboard focus goes ("data-swap-focus", on an element with
  // tabindex="-1"): the interview's new question, so a screen reader reads it and Tab starts from it.
  document.addEventListener("htmx:afterSettle", function (event) {
    var swapped = event.target;
    if (!(swapped instanceof Element)) {
      return;
    }
    var heading = swapped.matches("[data-swap-focus]") ? swapped : swapped.querySelector("[data-swap-focus]");
    if (heading) {
      heading.focus();
    }
  });

  // A field to copy from (the client intake link, shown once): focusing it selects it whole.
  document.addEventListener("focusin", function (event) {
    var field = event.target;
    if (field instanceof HTMLInputElement && field.hasAttribute("data-select-all")) {
      field.select();
    }
  });

  // A folded section the address points to (#tasks after a task is added, #team from the case's heading)
  // opens, so what was just done, or asked for, is in view.
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    for (var node = target; node; node = node.parentElement) {
      if (node instanceof HTMLDetailsElement) {
        node.open = true;
      }
    }
    if (target) {
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", openTarget);
  document.addEventListener("DOMContentLoaded", openTarget);
})();
