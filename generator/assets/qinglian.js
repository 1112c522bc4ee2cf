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

  function button(label, title, text) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "ql-tool";
    b.textContent = label;
    b.title = title;
    b.setAttribute("data-copy", text);
    b.addEventListener("click", function () {
      copy(text).then(function (ok) {
        b.textContent = ok ? "已复制" : "复制失败";
        setTimeout(function () { b.textContent = label; }, 1500);
      });
    });
    return b;
  }

  function addTools(el) {
    var id = el.id;
    var cite = el.getAttribute("data-cite");
    if (!id || !cite) return;
    var link = location.href.split("#")[0] + "#" + id;
    var tools = document.createElement("span");
    tools.className = "ql-tools";
    tools.appendChild(button("复制链接", "复制本条款的链接", link));
    tools.appendChild(button("复制引用", "复制引用：" + cite, cite));
    if (/^H[1-6]$/.test(el.tagName)) {
      el.insertAdjacentElement("afterend", tools);
    } else {
      el.insertBefore(tools, el.firstChild);
    }
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".ql-prov[data-cite]"), addTools);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
