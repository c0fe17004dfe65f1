// The menu of a narrow screen as a real button (WCAG 2.1.1). Material's drawer opens when its
// checkbox #__drawer is checked; without this script a <label> toggles it by mouse and touch.
// Here: a <button aria-expanded> takes the label's place; Enter and Space open and close the
// drawer; focus moves into it and back to the button; Escape closes it. While it is closed, its
// links are hidden from Tab by the CSS (visibility), so focus never vanishes off-screen.
(function () {
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector("label.kkp-menu");
  var drawer = document.getElementById("kkp-drawer");
  if (!toggle || !label || !drawer) return;

  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className;
  button.innerHTML = label.innerHTML;            // the same icon and text, from our template
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "kkp-drawer");
  label.replaceWith(button);

  var close = drawer.querySelector("label.kkp-drawer__close");
  var closeButton = document.createElement("button");
  closeButton.type = "button";
  closeButton.className = close.className;
  closeButton.innerHTML = close.innerHTML;
  close.replaceWith(closeButton);

  function set(open, moveFocus) {
    toggle.checked = open;
    button.setAttribute("aria-expanded", String(open));
    document.documentElement.classList.toggle("kkp-drawer-open", open);
    if (!moveFocus) return;
    if (open) {
      var first = drawer.querySelector("a[aria-current]") || drawer.querySelector("a");
      setTimeout(function () { (first || closeButton).focus(); }, 0);
    } else {
      button.focus();
    }
  }

  button.addEventListener("click", function () { set(!toggle.checked, true); });
  closeButton.addEventListener("click", function () { set(false, true); });
  // the overlay (a label for #__drawer) and any other way the checkbox changes
  toggle.addEventListener("change", function () { set(toggle.checked, false); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      event.preventDefault();
      set(false, true);
    }
  });
  // keep Tab inside the open drawer: from its last link back to its close button, and back
  drawer.addEventListener("keydown", function (event) {
    if (event.key !== "Tab" || !toggle.checked) return;
    var items = drawer.querySelectorAll("a, button");
    var firstItem = items[0], lastItem = items[items.length - 1];
    if (event.shiftKey && document.activeElement === firstItem) {
      event.preventDefault(); lastItem.focus();
    } else if (!event.shiftKey && document.activeElement === lastItem) {
      event.preventDefault(); firstItem.focus();
    }
  });
})();

// A link inside a table that scrolls sideways: Chromium leaves a half-visible link where it
// is when it takes the focus; bring the whole link (and its focus ring) into view.
document.addEventListener("focusin", function (event) {
  var target = event.target;
  if (target.closest && target.closest(".kkp-table") && !target.classList.contains("kkp-table")) {
    target.scrollIntoView({ block: "nearest", inline: "nearest" });
  }
});
