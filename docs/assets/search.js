// Search page only: show Pagefind's results for the query in ?q= (sent by the header form).
// Pagefind picks the index of the page's language from <html lang>; result addresses are
// made relative to where the site is published (the folder above pagefind/), so that the
// site works under a sub-path too.
window.addEventListener("DOMContentLoaded", function () {
  var bundle = document.querySelector('script[src$="pagefind/pagefind-ui.js"]');
  var base = new URL("../", bundle.src).pathname;
  var ui = new PagefindUI({ element: "#kkp-search-results", baseUrl: base, showSubResults: true, showImages: false });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
});
