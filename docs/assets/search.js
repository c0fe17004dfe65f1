// Search page only: show Pagefind's results for the query in ?q= (sent by the header form).
// Pagefind picks the index of the page's language from <html lang>; result addresses are
// made relative to where the site is published (the folder above pagefind/), so that the
// site works under a sub-path too. The language menu keeps the query: its links to the
// search page in the other languages get the same ?q=, now and after every new search.
window.addEventListener("DOMContentLoaded", function () {
  var bundle = document.querySelector('script[src$="pagefind/pagefind-ui.js"]');
  var base = new URL("../", bundle.src).pathname;
  var ui = new PagefindUI({ element: "#kkp-search-results", baseUrl: base, showSubResults: true, showImages: false, autofocus: false });
  var query = new URLSearchParams(window.location.search).get("q");

  function keepQuery(text) {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      var target = new URL(link.getAttribute("href"), window.location.href);
      if (text) { target.searchParams.set("q", text); } else { target.searchParams.delete("q"); }
      link.setAttribute("href", target.pathname + target.search);
    });
  }

  if (query) {
    ui.triggerSearch(query);
    keepQuery(query);
  }
  var input = document.querySelector("#kkp-search-results input");
  if (input) {
    input.addEventListener("input", function () {
      keepQuery(input.value.trim());
      var address = new URL(window.location.href);
      if (input.value.trim()) { address.searchParams.set("q", input.value.trim()); } else { address.searchParams.delete("q"); }
      history.replaceState(null, "", address.pathname + address.search);
    });
  }
});
