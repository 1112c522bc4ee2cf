/* 清廉学堂 search worker: takes the place of Material's lunr worker, speaking the same messages
 * (0 setup, 1 ready, 2 query, 3 result) so Material's search box and result list stay as they are.
 * Matching is by substring on normalised text: simplified and traditional forms, full- and
 * half-width characters and every kind of bracket meet, and no word hides inside a longer one. */
(function () {
  "use strict";

  var OPEN = "〔【[（(［［{「『";
  var CLOSE = "〕】]）)］］}」』";
  var variants = {};
  var pages = [];
  var sections = [];
  var aliases = [];

  function normaliseChar(c) {
    var code = c.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) c = String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) c = " ";
    if (OPEN.indexOf(c) >= 0) return "[";
    if (CLOSE.indexOf(c) >= 0) return "]";
    var v = variants[c];
    if (v) return v;
    return c.toLowerCase().length === 1 ? c.toLowerCase() : c;
  }

  /* Same length as the input, so positions found in it mark the original text. */
  function normalise(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        var pair = text.substr(i, 2);
        var mapped = variants[pair];
        out += mapped && mapped.length === 2 ? mapped : pair;
        i++;
      } else {
        out += normaliseChar(text.charAt(i));
      }
    }
    return out;
  }

  function setup(data) {
    var index = data.config.qinglian;
    var list = Array.from ? Array.from(index.variants) : index.variants.split("");
    for (var i = 0; i + 1 < list.length; i += 2) variants[list[i]] = list[i + 1];
    pages = index.pages;
    sections = index.sections.map(function (row) {
      var ntitle = normalise(row[2]);
      /* A page's own section lists the page's titles, one a line; "exact title" compares against each. */
      var titles = row[1] ? [] : ntitle.split("\n").map(compact).filter(Boolean);
      return { page: row[0], anchor: row[1], title: row[2], text: row[3], ntitle: ntitle, ntext: normalise(row[3]), titles: titles };
    });
    pages.forEach(function (page) { page.ntitle = normalise(page[1]); });
    aliases = Object.keys(index.aliases).map(function (alias) {
      return [normalise(alias), normalise(index.aliases[alias])];
    });
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /* The forms a term may take: itself, and a glossary alias swapped for its term (and back). */
  function forms(term) {
    var out = [term];
    aliases.forEach(function (pair) {
      if (term.indexOf(pair[0]) >= 0) out.push(term.split(pair[0]).join(pair[1]));
      if (term.indexOf(pair[1]) >= 0) out.push(term.split(pair[1]).join(pair[0]));
    });
    return out;
  }

  function bigrams(term) {
    var out = [];
    for (var i = 0; i + 1 < term.length; i++) out.push(term.substr(i, 2));
    return out;
  }

  /* Where each form occurs in a normalised string: [[start, end], …]. */
  function spans(haystack, alternatives) {
    var found = [];
    alternatives.forEach(function (needle) {
      if (!needle) return;
      var at = haystack.indexOf(needle);
      while (at >= 0) {
        found.push([at, at + needle.length]);
        at = haystack.indexOf(needle, at + needle.length);
      }
    });
    return found.sort(function (a, b) { return a[0] - b[0]; });
  }

  function mark(original, found, window) {
    if (!found.length) return escapeHtml(window ? original.slice(0, window) : original) + (window && original.length > window ? "…" : "");
    var start = 0, end = original.length;
    if (window && original.length > window) {
      start = Math.max(0, found[0][0] - Math.floor(window / 3));
      end = Math.min(original.length, start + window);
    }
    var out = start > 0 ? "…" : "", at = start;
    found.forEach(function (span) {
      if (span[0] < at || span[1] > end) return;
      out += escapeHtml(original.slice(at, span[0])) + "<mark>" + escapeHtml(original.slice(span[0], span[1])) + "</mark>";
      at = span[1];
    });
    return out + escapeHtml(original.slice(at, end)) + (end < original.length ? "…" : "");
  }

  /* Every weight of the ranking, in one place; rank() is the only reader. A section scores its tier
   * (the best kind of match it has) plus small refinements that never reach the next tier; a page
   * ranks by its best section plus its kind, which decides between pages that match equally well. */
  var WEIGHTS = {
    exactTitle: 1000,   // the whole query is the page's title or one of its short titles (简称)
    titlePhrase: 600,   // the query, its words side by side, inside the page's own title
    headingPhrase: 400, // the query inside a heading or provision title (a lesson quoting a case lands here)
    titleWords: 300,    // every word of the query in the page's title, apart
    headingWords: 250,  // every word in one heading, apart
    textPhrase: 200,    // the query, words side by side, in a section's text
    textWords: 100,     // every word somewhere in one section
    scattered: 10,      // a word found only as two-character pieces, not side by side
    wordInTitle: 50,    // times the share of words in the section's title, for mixed matches (< a tier step)
    occurrence: 0.05,   // per mention, at most maxOccurrences: busier sections first, never past a kind step
    maxOccurrences: 10,
    /* Added when the query names a policy (its title or 简称 holds the phrase): people look rules up by
     * name, so that policy leads even a lesson or quiz titled exactly the query. */
    policyNamed: 500,
    /* Equal matches: a policy is the source, a case applies it, a lesson and a quiz teach it; the
     * glossary and the listing pages only point onwards. One step outweighs all occurrences. */
    kind: { policy: 5, "case": 4, lesson: 3, quiz: 2, other: 1, glossary: 0, index: 0 }
  };

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /* Does the query's phrase (its words side by side, any form of each) occur within one line of s? */
  function phraseMatcher(termForms) {
    if (termForms.length === 1) {
      return function (s) { return termForms[0].some(function (f) { return f && s.indexOf(f) >= 0; }); };
    }
    var pattern = new RegExp(termForms.map(function (alternatives) {
      return "(?:" + alternatives.filter(Boolean).map(escapeRegExp).join("|") + ")";
    }).join("[^\\S\\n]*"));
    return function (s) { return pattern.test(s); };
  }

  /* How well one section matches: null when some word is missing, else its score and where the
   * words are (for highlighting). A page's own section has the page's titles as its title. */
  function rank(section, kind, query) {
    var titleSpans = [], textSpans = [], matched = {}, inTitles = 0, occurrences = 0, scattered = false;
    for (var t = 0; t < query.terms.length; t++) {
      var inTitle = spans(section.ntitle, query.termForms[t]);
      var inText = spans(section.ntext, query.termForms[t]);
      if (inTitle.length || inText.length) {
        if (inTitle.length) inTitles++;
        occurrences += inTitle.length + inText.length;
        titleSpans = titleSpans.concat(inTitle);
        textSpans = textSpans.concat(inText);
        var first = (inTitle[0] ? section.title.slice(inTitle[0][0], inTitle[0][1]) : section.text.slice(inText[0][0], inText[0][1]));
        matched[first] = true;
        continue;
      }
      /* Scattered: every two-character piece of the word is there, not side by side. */
      var pieces = bigrams(query.terms[t]);
      if (pieces.length < 2 || !pieces.every(function (p) { return section.ntext.indexOf(p) >= 0 || section.ntitle.indexOf(p) >= 0; })) {
        return null;
      }
      scattered = true;
      pieces.forEach(function (p) {
        titleSpans = titleSpans.concat(spans(section.ntitle, [p]));
        textSpans = textSpans.concat(spans(section.ntext, [p]));
      });
      matched[query.terms[t]] = true;
    }
    var own = !section.anchor, allInTitle = inTitles === query.terms.length, score;
    var phraseInTitle = allInTitle && section.ntitle.split("\n").some(query.phraseIn);
    if (scattered) score = WEIGHTS.scattered;
    else if (own && section.titles.some(function (title) { return query.whole.indexOf(title) >= 0; })) score = WEIGHTS.exactTitle;
    else if (phraseInTitle) score = own ? WEIGHTS.titlePhrase : WEIGHTS.headingPhrase;
    else if (allInTitle) score = own ? WEIGHTS.titleWords : WEIGHTS.headingWords;
    else if (query.phraseIn(section.ntext)) score = WEIGHTS.textPhrase;
    else score = WEIGHTS.textWords + WEIGHTS.wordInTitle * inTitles / query.terms.length;
    if (own && phraseInTitle && kind === "policy") score += WEIGHTS.policyNamed;
    score += WEIGHTS.occurrence * Math.min(occurrences, WEIGHTS.maxOccurrences);
    return { score: score, titleSpans: titleSpans, textSpans: textSpans, matched: matched };
  }

  function compact(text) {
    return text.replace(/\s+/g, "");
  }

  function search(query) {
    var raw = normalise(query.trim());
    var terms = raw.split(/\s+/).filter(function (t) { return t.length > 0; });
    if (!terms.length) return { items: [] };
    var termForms = terms.map(forms);
    var parsed = {
      terms: terms,
      termForms: termForms,
      whole: forms(terms.join("")), // the query's words run together, in every alias form
      phraseIn: phraseMatcher(termForms)
    };
    var groups = {};
    sections.forEach(function (section) {
      var page = pages[section.page];
      var found = rank(section, page[2], parsed);
      if (!found) return;
      var location = section.anchor ? page[0] + "#" + section.anchor : page[0];
      var group = groups[section.page] || (groups[section.page] = { score: 0, items: [] });
      group.score = Math.max(group.score, found.score + (WEIGHTS.kind[page[2]] || 0));
      group.items.push({
        location: location,
        title: section.anchor ? mark(section.title, mergeSpans(found.titleSpans), 0)
          : mark(page[1], spans(page.ntitle, [].concat.apply([], termForms)), 0),
        text: mark(section.text, mergeSpans(found.textSpans), 160),
        score: found.score,
        terms: found.matched
      });
    });
    var ordered = Object.keys(groups).map(function (key) { return [Number(key), groups[key]]; })
      /* Equal scores fall back to the index's page order, so a result list never shuffles. */
      .sort(function (a, b) { return b[1].score - a[1].score || a[0] - b[0]; })
      .slice(0, 200)
      .map(function (entry) {
        var page = pages[entry[0]];
        var items = entry[1].items.sort(function (a, b) { return b.score - a.score; });
        if (!items.some(function (item) { return item.location === page[0]; })) {
          /* Material renders a page under its article and highlights the article's terms. */
          items.push({ location: page[0], title: escapeHtml(page[1]), text: "", score: 0, terms: items[0].terms });
        }
        return items;
      });
    return { items: ordered };
  }

  function mergeSpans(list) {
    var sorted = list.slice().sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var out = [];
    sorted.forEach(function (span) {
      var last = out[out.length - 1];
      if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
      else out.push([span[0], span[1]]);
    });
    return out;
  }

  function answer(query) {
    var result;
    try { result = search(query); } catch (e) { result = { items: [] }; }
    postMessage({ type: 3, data: result });
  }

  /* Material may send a query before the index has arrived (it fetches the index first);
   * keep the latest one and answer it as soon as the index is set up. */
  var ready = false, pending = null;
  addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === 0) {
      setup(message.data);
      ready = true;
      postMessage({ type: 1 });
      if (pending !== null) answer(pending);
      pending = null;
    } else if (message.type === 2) {
      if (ready) answer(message.data); else pending = message.data;
    }
  });

  /* Exposed for tests and the benchmark, which call the matcher directly. */
  self.__qinglianSearch = { setup: setup, search: search, normalise: normalise };
})();
