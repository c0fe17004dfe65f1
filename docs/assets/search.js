// Search page only: show Pagefind's results for the query in ?q= (sent by the header form).
// Pagefind picks the index of the page's language from <html lang>.
window.addEventListener("DOMContentLoaded", function () {
  var ui = new PagefindUI({ element: "#kkp-search-results", showSubResults: true, showImages: false });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
});
