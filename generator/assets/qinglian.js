/* 清廉学堂: copy a provision's link or citation. Plain script, no network, works from file://. */
(function () {
  "use strict";

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return fallbackCopy(text); }
      );
    }
    return Promise.resolve(fallbackCopy(text));
  }

  function button(label, title, text, anchor) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "ql-tool";
    b.textContent = label;
    b.title = title;
    b.setAttribute("data-copy", text);
    b.setAttribute("data-copy-for", anchor);
    b.addEventListener("click", function () {
      copy(text).then(function (ok) {
        b.textContent = ok ? "已复制" : "复制失败";
        setTimeout(function () { b.textContent = label; }, 1500);
      });
    });
    return b;
  }

  /* Copy controls go inside the provision's own element (heading or div), so they sit on its line
     and can never drift beside the next heading. A heading's citation comes from the hidden
     .ql-cite-data element written right after it; a div carries its own data-cite. */
  function addTools(el, cites) {
    var id = el.id;
    var cite = el.getAttribute("data-cite") || cites[id];
    if (!id || !cite || el.querySelector(":scope > .ql-tools")) return;
    var link = location.href.split("#")[0] + "#" + id;
    var tools = document.createElement("span");
    tools.className = "ql-tools";
    tools.setAttribute("data-copy-for", id);
    tools.appendChild(button("复制链接", "复制本条款的链接", link, id));
    tools.appendChild(button("复制引用", "复制引用：" + cite, cite, id));
    if (/^H[1-6]$/.test(el.tagName)) {
      el.appendChild(tools);
    } else {
      el.insertBefore(tools, el.firstChild);
    }
  }

  function each(selector, fn, root) {
    Array.prototype.forEach.call((root || document).querySelectorAll(selector), fn);
  }

  /* localStorage can be missing or refuse writes (private windows, some file:// setups). */
  function load(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* keep working without memory */ }
  }

  /* Case library: filter cards by category, stage and year. */
  function initFilter(form) {
    var list = document.getElementById(form.getAttribute("data-filter-target"));
    if (!list) return;
    var count = form.querySelector(".ql-filter__count");
    var empty = document.querySelector(".ql-filter__empty");
    function apply() {
      var wanted = {};
      each("select[data-filter]", function (s) { wanted[s.getAttribute("data-filter")] = s.value; }, form);
      var shown = 0;
      each(".ql-case-card", function (card) {
        var ok = (!wanted.category || card.getAttribute("data-category").split("|").indexOf(wanted.category) >= 0) &&
          (!wanted.stage || card.getAttribute("data-stage") === wanted.stage) &&
          (!wanted.year || card.getAttribute("data-year") === wanted.year);
        card.hidden = !ok;
        if (ok) shown += 1;
      }, list);
      if (count) count.textContent = "显示 " + shown + " 个案例";
      if (empty) empty.hidden = shown > 0;
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    apply();
  }

  /* 对照查摆: ticks are kept in this browser only. */
  function initSelfCheck(list) {
    var key = list.getAttribute("data-store");
    var state = load(key) || {};
    each("input[data-check]", function (box) {
      var id = box.getAttribute("data-check");
      box.checked = !!state[id];
      box.addEventListener("change", function () {
        state[id] = box.checked;
        save(key, state);
      });
    }, list);
    var clear = list.parentNode.querySelector('[data-action="clear-checks"]');
    if (clear) clear.addEventListener("click", function () {
      state = {};
      save(key, state);
      each("input[data-check]", function (box) { box.checked = false; }, list);
    });
  }

  /* Lesson tools: trainer view shows trainer notes; print makes the handout. */
  function initLessonTools(tools) {
    var key = "qinglian.view";
    var toggle = tools.querySelector('[data-action="trainer-view"]');
    function show(trainer) {
      document.body.classList.toggle("ql-trainer", trainer);
      if (toggle) {
        toggle.setAttribute("aria-pressed", trainer ? "true" : "false");
        toggle.textContent = trainer ? "教师视图" : "培训者视图";
      }
    }
    show(load(key) === "trainer");
    if (toggle) toggle.addEventListener("click", function () {
      var trainer = !document.body.classList.contains("ql-trainer");
      save(key, trainer ? "trainer" : "teacher");
      show(trainer);
    });
    var print = tools.querySelector('[data-action="print"]');
    if (print) print.addEventListener("click", function () { window.print(); });
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* Wrap every match of `words` in the page's text (outside `skip` elements) with make(word). */
  function wrapWords(words, skip, make) {
    var root = document.querySelector(".md-content");
    if (!words.length || !root) return;
    var pattern = new RegExp(words.map(escapeRegExp).join("|"), "g");
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        if (node.parentNode.closest(skip)) return NodeFilter.FILTER_REJECT;
        pattern.lastIndex = 0;
        return pattern.test(node.nodeValue) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var text = node.nodeValue, last = 0, match, fragment = document.createDocumentFragment();
      pattern.lastIndex = 0;
      while ((match = pattern.exec(text))) {
        fragment.appendChild(document.createTextNode(text.slice(last, match.index)));
        fragment.appendChild(make(match[0]));
        last = match.index + match[0].length;
      }
      fragment.appendChild(document.createTextNode(text.slice(last)));
      node.parentNode.replaceChild(fragment, node);
    });
  }

  /* Glossary: every occurrence of a term or alias explains itself (longest first) in a tooltip that
     opens on hover, on keyboard focus and on a tap, and closes on a tap elsewhere or Escape.
     A native title= would never show on a phone. */
  function initGlossary() {
    var lookup = Object.create(null);
    var words = (window.__qlGlossary || []).map(function (pair) { lookup[pair[0]] = pair[1]; return pair[0]; });
    if (!words.length) return;
    var tip = null, owner = null, pinned = false;
    function place() {
      var rect = owner.getBoundingClientRect();
      var width = Math.min(tip.offsetWidth, document.documentElement.clientWidth - 16);
      var left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
      tip.style.left = (left + window.scrollX) + "px";
      tip.style.top = (rect.bottom + window.scrollY + 6) + "px";
    }
    function open(term, pin) {
      if (!tip) {
        tip = document.createElement("div");
        tip.id = "ql-term-tip";
        tip.className = "ql-term-tip";
        tip.setAttribute("role", "tooltip");
        document.body.appendChild(tip);
      }
      if (owner && owner !== term) owner.removeAttribute("aria-describedby");
      owner = term;
      pinned = pin;
      tip.textContent = term.getAttribute("data-tip");
      tip.hidden = false;
      term.setAttribute("aria-describedby", tip.id);
      term.setAttribute("aria-expanded", "true");
      place();
    }
    function close() {
      if (!tip || tip.hidden) return;
      tip.hidden = true;
      if (owner) { owner.removeAttribute("aria-describedby"); owner.setAttribute("aria-expanded", "false"); }
      owner = null;
      pinned = false;
    }
    wrapWords(words, "a, abbr, code, pre, script, style, textarea, button, select, option, label, h1, .ql-tools", function (word) {
      var abbr = document.createElement("abbr");
      abbr.className = "ql-term";
      abbr.setAttribute("data-tip", lookup[word]);
      abbr.setAttribute("tabindex", "0");
      abbr.setAttribute("role", "button");
      abbr.setAttribute("aria-expanded", "false");
      abbr.setAttribute("aria-label", word + "（术语，轻点查看解释）");
      abbr.textContent = word;
      return abbr;
    });
    document.addEventListener("click", function (event) {
      var term = event.target.closest && event.target.closest("abbr.ql-term");
      if (term) {
        if (owner === term && pinned) close(); else open(term, true);
      } else if (!(tip && tip.contains(event.target))) {
        close();
      }
    });
    // iOS sends no click for a tap on plain text, but it does send pointerdown.
    document.addEventListener("pointerdown", function (event) {
      var inside = event.target.closest && (event.target.closest("abbr.ql-term") || event.target.closest(".ql-term-tip"));
      if (!inside) close();
    });
    document.addEventListener("keydown", function (event) {
      var term = event.target.closest && event.target.closest("abbr.ql-term");
      if (event.key === "Escape") close();
      else if (term && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); open(term, true); }
    });
    // Hover is for mice only: on touch the tap (click) is what opens and closes.
    document.addEventListener("pointerover", function (event) {
      var term = event.target.closest && event.target.closest("abbr.ql-term");
      if (term && event.pointerType === "mouse" && !pinned) open(term, false);
    });
    document.addEventListener("pointerout", function (event) {
      var term = event.target.closest && event.target.closest("abbr.ql-term");
      if (term && event.pointerType === "mouse" && !pinned && owner === term && !term.contains(event.relatedTarget)) close();
    });
    document.addEventListener("focusin", function (event) {
      var term = event.target.closest && event.target.closest("abbr.ql-term");
      if (term && !pinned) open(term, false);
    });
    document.addEventListener("focusout", function (event) {
      var term = event.target.closest && event.target.closest("abbr.ql-term");
      if (term && owner === term && !pinned) close();
    });
    window.addEventListener("resize", function () { if (owner && tip && !tip.hidden) place(); });
  }

  /* Search results link with ?h=words: mark each occurrence on the page, inside longer words too. */
  function highlightSearchTerms() {
    var terms;
    try { terms = (new URL(location.href).searchParams.get("h") || "").split(" ").filter(Boolean); } catch (e) { return; }
    wrapWords(terms, "mark, script, style, button, textarea", function (word) {
      var mark = document.createElement("mark");
      mark.setAttribute("data-md-highlight", "");
      mark.textContent = word;
      return mark;
    });
  }

  function init() {
    var cites = Object.create(null);  // an anchor may be "__proto__"
    each(".ql-cite-data[data-copy-for]", function (d) { cites[d.getAttribute("data-copy-for")] = d.getAttribute("data-cite"); });
    each(".ql-prov[id]", function (el) { addTools(el, cites); });
    each("form.ql-filter", initFilter);
    each(".ql-self-check[data-store]", initSelfCheck);
    each(".ql-lesson-tools", initLessonTools);
    highlightSearchTerms();
    initGlossary();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
