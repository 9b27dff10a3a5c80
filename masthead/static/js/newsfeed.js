// Keeps the News Feed column live while the page is open. Without this
// script (or without EventSource) the column is still there, as of page load.
(function () {
  "use strict";
  var column = document.querySelector("[data-news-feed]");
  if (!column || !window.EventSource) return;
  var list = column.querySelector(".news-feed__list");
  var status = column.querySelector("[data-news-feed-status]");
  var limit = parseInt(column.getAttribute("data-news-feed-limit"), 10) || 8;

  function fromHTML(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function announce(text) {
    if (status) status.textContent = text;
  }

  function apply(change) {
    var current = document.getElementById("news-item-" + change.item);
    if (change.kind === "deleted") {
      if (current) current.parentElement.remove();
      return;
    }
    var item = fromHTML(change.html);
    if (current) {
      current.replaceWith(item);
    } else if (change.kind === "posted") {
      if (!list) {
        list = document.createElement("ol");
        list.className = "news-feed__list";
        list.setAttribute("role", "list");
        var empty = column.querySelector(".empty");
        if (empty) empty.replaceWith(list); else column.appendChild(list);
      }
      var entry = document.createElement("li");
      entry.appendChild(item);
      list.insertBefore(entry, list.firstElementChild);
      while (list.children.length > limit) list.lastElementChild.remove();
      var text = item.querySelector(".news-item__text");
      announce(column.getAttribute("data-news-feed-announce") + " " + (text ? text.textContent.trim() : ""));
    }
  }

  var source = new EventSource(column.getAttribute("data-news-feed"));
  ["posted", "edited", "deleted"].forEach(function (kind) {
    source.addEventListener(kind, function (event) { apply(JSON.parse(event.data)); });
  });
})();
