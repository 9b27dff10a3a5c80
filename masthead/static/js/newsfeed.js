// Keeps the News Feed live while a page is open: the column on the home and
// article pages, the first page of /news-feed/, and the breaking-news banner.
// Without this script (or without EventSource) pages show the feed as of
// page load; nothing here is needed to read them.
(function () {
  "use strict";
  var body = document.body;
  var streamUrl = body.getAttribute("data-news-feed-stream");
  if (!streamUrl || !window.EventSource) return;
  var status = document.querySelector("[data-news-feed-status]");
  var column = document.querySelector("[data-news-feed-column]");
  var feedPage = document.querySelector("[data-news-feed-page]");
  var banner = document.querySelector("[data-breaking-banner]");
  var bannerTimer = null;

  function fromHTML(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function timeOf(item) {
    var time = item.querySelector("time");
    return time ? Date.parse(time.getAttribute("datetime")) : 0;
  }

  function textOf(item) {
    var paragraph = item.querySelector(".news-item__text").cloneNode(true);
    var more = paragraph.querySelector(".news-item__more");
    if (more) more.remove();
    return paragraph.textContent.trim();
  }

  // Put the item into an <ol> of items, newest first, keeping that order
  // even when an item scheduled earlier arrives after a later one.
  function insertSorted(list, item) {
    var entry = document.createElement("li");
    entry.appendChild(item);
    var when = timeOf(item);
    for (var i = 0; i < list.children.length; i++) {
      var other = list.children[i].querySelector(".news-item");
      if (other && timeOf(other) <= when) {
        list.insertBefore(entry, list.children[i]);
        return;
      }
    }
    list.appendChild(entry);
  }

  function newList() {
    var list = document.createElement("ol");
    list.className = "news-feed__list";
    list.setAttribute("role", "list");
    return list;
  }

  function addToColumn(item) {
    var list = column.querySelector(".news-feed__list");
    if (!list) {
      list = newList();
      var empty = column.querySelector(".empty");
      if (empty) empty.replaceWith(list); else column.appendChild(list);
    }
    insertSorted(list, item);
    var limit = parseInt(column.getAttribute("data-limit"), 10) || 8;
    while (list.children.length > limit) list.lastElementChild.remove();
  }

  function addToFeedPage(item) {
    var day = item.getAttribute("data-day");
    var section = feedPage.querySelector('.news-day[data-day="' + day + '"]');
    if (!section) {
      section = document.createElement("section");
      section.className = "news-day";
      section.setAttribute("data-day", day);
      section.setAttribute("aria-labelledby", "day-" + day);
      var heading = document.createElement("h2");
      heading.id = "day-" + day;
      heading.className = "rail-heading";
      var link = document.createElement("a");
      link.href = item.getAttribute("data-day-url");
      link.textContent = item.getAttribute("data-day-label");
      heading.appendChild(link);
      section.appendChild(heading);
      section.appendChild(newList());
      var later = Array.prototype.find.call(feedPage.querySelectorAll(".news-day"), function (other) {
        return other.getAttribute("data-day") < day;
      });
      feedPage.insertBefore(section, later || null);
      var empty = feedPage.querySelector(".empty");
      if (empty) empty.remove();
    }
    insertSorted(section.querySelector(".news-feed__list"), item);
  }

  function showBanner(item) {
    var until = item.getAttribute("data-breaking-until");
    if (until && Date.parse(until) <= Date.now()) return clearBanner(item.id);
    var region = document.createElement("div");
    region.className = "breaking-banner";
    region.setAttribute("role", "region");
    region.setAttribute("aria-label", banner.getAttribute("data-label"));
    region.setAttribute("data-item", item.id.replace("news-item-", ""));
    var paragraph = document.createElement("p");
    var flag = document.createElement("strong");
    flag.textContent = banner.getAttribute("data-flag") + ":";
    var link = document.createElement("a");
    var more = item.querySelector(".news-item__more") || item.querySelector(".news-item__time a");
    link.href = more.getAttribute("href");
    link.textContent = textOf(item);
    paragraph.append(flag, " ", link);
    region.appendChild(paragraph);
    banner.replaceChildren(region);
    clearTimeout(bannerTimer);
    if (until) {
      var wait = Math.min(Date.parse(until) - Date.now(), 2147483647);
      bannerTimer = setTimeout(function () { banner.replaceChildren(); }, wait);
    }
  }

  function clearBanner(elementId) {
    var shown = banner.querySelector(".breaking-banner");
    if (shown && "news-item-" + shown.getAttribute("data-item") === elementId) {
      banner.replaceChildren();
      clearTimeout(bannerTimer);
    }
  }

  // Posted items join the live lists (the column, the first page of the feed);
  // an edit replaces the item wherever a list shows it, keeping the order by
  // time; a deletion removes it.
  function apply(change) {
    var elementId = "news-item-" + change.item;
    var item = change.html ? fromHTML(change.html) : null;
    var shown = document.querySelectorAll(".news-feed__list > li > #" + elementId);
    shown.forEach(function (current) {
      var entry = current.parentElement;
      var list = entry.parentElement;
      entry.remove();
      if (item) insertSorted(list, item.cloneNode(true));
      var section = list.closest(".news-day");
      if (section && !list.children.length) section.remove();
    });
    var breaking = item && item.classList.contains("news-item--breaking");
    if (banner) {
      var current = banner.querySelector(".breaking-banner");
      var mine = current && "news-item-" + current.getAttribute("data-item") === elementId;
      if (breaking && (change.kind === "posted" || !current || mine)) showBanner(item);
      else if (!breaking) clearBanner(elementId);
    }
    if (change.kind !== "posted" || shown.length) return;
    var placed = false;
    if (column) { addToColumn(item.cloneNode(true)); placed = true; }
    if (feedPage && feedPage.hasAttribute("data-live")) { addToFeedPage(item.cloneNode(true)); placed = true; }
    if ((placed || breaking) && status) {
      var prefix = breaking ? banner.getAttribute("data-flag") + ":" : body.getAttribute("data-news-feed-announce");
      status.textContent = prefix + " " + textOf(item);
    }
  }

  var source = new EventSource(streamUrl);
  ["posted", "edited", "deleted"].forEach(function (kind) {
    source.addEventListener(kind, function (event) { apply(JSON.parse(event.data)); });
  });
})();
