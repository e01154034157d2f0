// The search box of a pm-skills site: filters the site's index of roles, levels, skills and soft
// skills as one types. Without this script the box stays hidden and the A to Z page lists
// everything, so every page works without JavaScript.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  var box = document.getElementById("search-box");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !box || !status || !list) {
    return;
  }
  var root = form.getAttribute("data-root") || "";
  var shown = 20;
  var index = null;
  var loading = false;

  // Lower case without accents, so "elan" finds "Élan".
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // The index is a script beside this one, loaded the first time someone types.
  function load() {
    if (loading) {
      return;
    }
    loading = true;
    var script = document.createElement("script");
    script.src = root + "search-index.js";
    script.onload = function () {
      index = (window.pmSkillsSearchIndex || []).map(function (entry, order) {
        return {
          entry: entry,
          order: order,
          name: fold(entry.name),
          all: fold([entry.name, entry.kind, entry.role, entry.text].join(" "))
        };
      });
      update();
    };
    script.onerror = function () {
      status.textContent = "The search index could not be loaded. The A to Z page lists everything.";
    };
    document.head.appendChild(script);
  }

  // Entries holding every word typed: names that start with the query first, then names that
  // hold every word, then the rest, each in the site's order.
  function find(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    var start = fold(query);
    return index
      .filter(function (item) {
        return words.every(function (w) { return item.all.indexOf(w) >= 0; });
      })
      .map(function (item) {
        var rank = item.name.indexOf(start) === 0 ? 0 : words.every(function (w) {
          return item.name.indexOf(w) >= 0;
        }) ? 1 : 2;
        return { item: item, rank: rank };
      })
      .sort(function (a, b) { return a.rank - b.rank || a.item.order - b.item.order; })
      .map(function (found) { return found.item.entry; });
  }

  function update() {
    var query = box.value.trim();
    list.textContent = "";
    if (!query) {
      status.textContent = "";
      return;
    }
    if (!index) {
      load();
      return;
    }
    var results = find(query);
    results.slice(0, shown).forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + entry.url;
      link.textContent = entry.name;
      var what = document.createElement("span");
      what.className = "note-after";
      what.textContent = " " + entry.kind + (entry.role ? ", " + entry.role : "");
      item.appendChild(link);
      item.appendChild(what);
      list.appendChild(item);
    });
    if (results.length === 0) {
      status.textContent = "No results. The A to Z page lists everything.";
    } else if (results.length > shown) {
      status.textContent = "Showing " + shown + " of " + results.length + " results; type more to narrow them.";
    } else {
      status.textContent = results.length === 1 ? "1 result" : results.length + " results";
    }
  }

  box.addEventListener("input", update);
  // Enter opens the first result.
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) {
      window.location.href = first.href;
    }
  });
  form.hidden = false;
}());
