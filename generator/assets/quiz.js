/* 清廉学堂 self-assessment quizzes: grading, shuffling, retry and memory, all in the browser. */
(function () {
  "use strict";

  var LETTERS = "ABCDEFGH";

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  /* Mirror of generator/quizkey.py: FNV-1a seed, xorshift32 stream, XOR. */
  function decodeKey(quizId, encoded) {
    var seedBytes = new TextEncoder().encode("qinglian:" + quizId);
    var state = 0x811c9dc5;
    for (var i = 0; i < seedBytes.length; i++) state = Math.imul(state ^ seedBytes[i], 0x01000193) >>> 0;
    if (state === 0) state = 1;
    var raw = atob(encoded);
    var bytes = new Uint8Array(raw.length);
    for (var j = 0; j < raw.length; j++) {
      state = (state ^ (state << 13)) >>> 0;
      state = (state ^ (state >>> 17)) >>> 0;
      state = (state ^ (state << 5)) >>> 0;
      bytes[j] = raw.charCodeAt(j) ^ (state & 0xff);
    }
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  /* Full-width and half-width forms meet; spaces and letter case do not matter. */
  function normalise(text) {
    return String(text).normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  }

  function load(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* grading still works */ }
  }

  function shuffled(items) {
    var copy = items.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = copy[i]; copy[i] = copy[j]; copy[j] = t;
    }
    return copy;
  }

  function Quiz(root) {
    this.root = root;
    this.id = root.getAttribute("data-quiz");
    this.pass = parseInt(root.getAttribute("data-pass"), 10);
    this.shuffle = root.getAttribute("data-shuffle") === "true";
    this.key = decodeKey(this.id, root.getAttribute("data-key"));
    this.storeKey = "qinglian.quiz." + this.id;
    this.state = load(this.storeKey) || {};
    this.state.answers = this.state.answers || {};
    this.questions = Array.prototype.slice.call(root.querySelectorAll(".ql-question"));
    this.result = root.querySelector(".ql-quiz-result");
    this.status = root.querySelector(".ql-quiz-status");
    this.retry = root.querySelector('[data-action="retry-wrong"]');
    this.confirmBox = root.querySelector(".ql-quiz-confirm");
    this.arrange();
    this.restore();
    this.bind();
    this.showStatus();
  }

  Quiz.prototype.byId = function (id) {
    for (var i = 0; i < this.questions.length; i++) {
      if (this.questions[i].getAttribute("data-question-id") === id) return this.questions[i];
    }
    return null;
  };

  Quiz.prototype.arrange = function () {
    var self = this;
    if (this.shuffle && !this.state.order) {
      this.state.order = shuffled(this.questions.map(function (q) { return q.getAttribute("data-question-id"); }));
      this.state.options = {};
      this.questions.forEach(function (q) {
        var type = q.getAttribute("data-type");
        if (type === "single" || type === "multiple") {
          var values = Array.prototype.map.call(q.querySelectorAll(".ql-option input"), function (i) { return i.value; });
          self.state.options[q.getAttribute("data-question-id")] = shuffled(values);
        }
      });
      save(this.storeKey, this.state);
    }
    if (this.state.order) {
      var anchor = this.questions[0].parentNode;
      var actions = this.root.querySelector(".ql-quiz-actions");
      this.state.order.forEach(function (id) {
        var q = self.byId(id);
        if (q) anchor.insertBefore(q, actions);
      });
      this.questions = Array.prototype.slice.call(this.root.querySelectorAll(".ql-question"));
    }
    this.questions.forEach(function (q, index) {
      q.querySelector(".ql-q-no").textContent = String(index + 1);
      var order = self.state.options && self.state.options[q.getAttribute("data-question-id")];
      var fieldset = q.querySelector(".ql-options");
      if (order && fieldset) {
        order.forEach(function (value) {
          var input = fieldset.querySelector('input[value="' + value + '"]');
          if (input) fieldset.appendChild(input.closest("label"));
        });
      }
      if (fieldset && q.getAttribute("data-type") !== "judge") {
        each(fieldset.querySelectorAll(".ql-option__letter"), function (span, i) { span.textContent = LETTERS[i]; });
      }
    });
  };

  Quiz.prototype.answerOf = function (q) {
    var type = q.getAttribute("data-type");
    if (type === "fill") {
      return Array.prototype.map.call(q.querySelectorAll("input.ql-blank"), function (i) { return i.value; });
    }
    var chosen = Array.prototype.filter.call(q.querySelectorAll(".ql-option input"), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
    return type === "multiple" ? chosen : (chosen[0] || "");
  };

  Quiz.prototype.restore = function () {
    var self = this;
    this.questions.forEach(function (q) {
      var saved = self.state.answers[q.getAttribute("data-question-id")];
      if (saved === undefined) return;
      if (q.getAttribute("data-type") === "fill") {
        each(q.querySelectorAll("input.ql-blank"), function (input, i) { input.value = saved[i] || ""; });
      } else {
        var values = [].concat(saved);
        each(q.querySelectorAll(".ql-option input"), function (input) { input.checked = values.indexOf(input.value) >= 0; });
      }
    });
  };

  Quiz.prototype.remember = function () {
    var self = this;
    this.questions.forEach(function (q) { self.state.answers[q.getAttribute("data-question-id")] = self.answerOf(q); });
    save(this.storeKey, this.state);
  };

  /* 1 for right, 0.5 for a multiple choice that picked only right options but not all, a share of blanks for fill. */
  Quiz.prototype.grade = function (q) {
    var id = q.getAttribute("data-question-id");
    var type = q.getAttribute("data-type");
    var key = this.key[id];
    var answer = this.answerOf(q);
    if (type === "single") return answer === key[0] ? 1 : 0;
    if (type === "judge") return answer === (key ? "true" : "false") ? 1 : 0;
    if (type === "multiple") {
      if (!answer.length) return 0;
      var wrong = answer.filter(function (a) { return key.indexOf(a) < 0; });
      if (wrong.length) return 0;
      return answer.length === key.length ? 1 : 0.5;
    }
    var right = 0;
    key.forEach(function (accepted, i) {
      var given = normalise(answer[i] || "");
      if (given && accepted.some(function (a) { return normalise(a) === given; })) right += 1;
    });
    return right / key.length;
  };

  Quiz.prototype.correctText = function (q) {
    var id = q.getAttribute("data-question-id");
    var type = q.getAttribute("data-type");
    var key = this.key[id];
    if (type === "judge") return key ? "正确" : "错误";
    if (type === "fill") {
      return key.map(function (accepted, i) {
        return (key.length > 1 ? "第" + (i + 1) + "空：" : "") + accepted.join(" 或 ");
      }).join("；");
    }
    var labels = Array.prototype.slice.call(q.querySelectorAll(".ql-option"));
    return labels.filter(function (label) { return key.indexOf(label.querySelector("input").value) >= 0; })
      .map(function (label) {
        return label.querySelector(".ql-option__letter").textContent + "．" + label.querySelector(".ql-option__text").textContent;
      }).join("；");
  };

  Quiz.prototype.isBlank = function (q) {
    var answer = this.answerOf(q);
    if (q.getAttribute("data-type") === "fill") return answer.some(function (v) { return !v.trim(); });
    return !answer.length;
  };

  Quiz.prototype.isEmpty = function (q) {
    var answer = this.answerOf(q);
    if (q.getAttribute("data-type") === "fill") return answer.every(function (v) { return !v.trim(); });
    return !answer.length;
  };

  /* Unanswered questions are asked about first; an attempt with no answer at all is never graded,
     so it can never become the remembered best score. */
  Quiz.prototype.requestSubmit = function () {
    var self = this;
    var missing = this.questions.filter(function (q) { return !q.hidden && self.isBlank(q); });
    if (!missing.length || !this.confirmBox) {
      if (!this.questions.every(function (q) { return self.isEmpty(q); })) this.submit();
      return;
    }
    var empty = this.questions.every(function (q) { return self.isEmpty(q); });
    var numbers = missing.map(function (q) { return q.querySelector(".ql-q-no").textContent; });
    var text = this.confirmBox.querySelector(".ql-quiz-confirm__text");
    var go = this.confirmBox.querySelector('[data-action="confirm-submit"]');
    text.textContent = empty ? "你还没有作答任何题目，请先作答再提交。" :
      "还有 " + missing.length + " 题未作答（第 " + numbers.join("、") + " 题），未作答的题目按答错计分。确定现在提交吗？";
    go.hidden = empty;
    this.missing = missing;
    this.confirmBox.hidden = false;
    (empty ? this.confirmBox.querySelector('[data-action="cancel-submit"]') : go).focus();
  };

  Quiz.prototype.closeConfirm = function () {
    if (this.confirmBox) this.confirmBox.hidden = true;
  };

  Quiz.prototype.submit = function () {
    var self = this, total = 0;
    this.closeConfirm();
    if (this.questions.every(function (q) { return self.isEmpty(q); })) return;
    this.remember();
    this.questions.forEach(function (q) {
      var points = self.grade(q);
      total += points;
      q.setAttribute("data-result", points === 1 ? "correct" : "wrong");
      if (points > 0 && points < 1) q.setAttribute("data-partial", "true"); else q.removeAttribute("data-partial");
      var verdict = q.querySelector(".ql-q-verdict");
      verdict.textContent = points === 1 ? "✔ 回答正确" :
        (points > 0 ? "◐ 部分正确。正确答案：" : "✘ 回答错误。正确答案：") + (points === 1 ? "" : self.correctText(q));
      q.querySelector(".ql-q-feedback").hidden = false;
      q.hidden = false;
    });
    var score = Math.round(total / this.questions.length * 100);
    var passed = score >= this.pass;
    this.state.best = Math.max(this.state.best || 0, score);
    save(this.storeKey, this.state);
    this.result.hidden = false;
    this.result.setAttribute("data-score", String(score));
    this.result.setAttribute("data-passed", passed ? "true" : "false");
    this.result.textContent = "得分：" + score + " 分，" + (passed ? "及格" : "未及格") + "（及格线 " + this.pass + " 分）。" +
      "答对 " + this.questions.filter(function (q) { return q.getAttribute("data-result") === "correct"; }).length +
      " / " + this.questions.length + " 题。最好成绩：" + this.state.best + " 分。";
    var anyWrong = this.questions.some(function (q) { return q.getAttribute("data-result") === "wrong"; });
    this.retry.hidden = !anyWrong;
    this.showStatus();
    this.result.scrollIntoView({ block: "center" });
  };

  Quiz.prototype.clear = function (q) {
    each(q.querySelectorAll("input.ql-blank"), function (i) { i.value = ""; });
    each(q.querySelectorAll(".ql-option input"), function (i) { i.checked = false; });
    q.removeAttribute("data-result");
    q.removeAttribute("data-partial");
    q.querySelector(".ql-q-feedback").hidden = true;
  };

  Quiz.prototype.retryWrong = function () {
    var self = this;
    var wrong = this.questions.filter(function (q) { return q.getAttribute("data-result") === "wrong"; });
    if (!wrong.length) { this.retry.hidden = true; return; }
    this.closeConfirm();
    this.questions.forEach(function (q) {
      if (q.getAttribute("data-result") === "wrong") {
        self.clear(q);
        q.hidden = false;
      } else {
        q.hidden = true;
      }
    });
    this.result.hidden = true;
    this.retry.hidden = true;
    this.remember();
    var first = this.questions.filter(function (q) { return !q.hidden; })[0];
    if (first) first.scrollIntoView({ block: "start" });
  };

  Quiz.prototype.reset = function () {
    var self = this;
    this.questions.forEach(function (q) { self.clear(q); q.hidden = false; });
    this.state = { answers: {}, best: this.state.best };
    save(this.storeKey, this.state);
    if (this.shuffle) { this.arrange(); }
    this.result.hidden = true;
    this.result.setAttribute("data-score", "");
    this.retry.hidden = true;
    this.closeConfirm();
    this.showStatus();
  };

  Quiz.prototype.showStatus = function () {
    if (this.status) this.status.textContent = this.state.best ? "你的最好成绩：" + this.state.best + " 分。" : "";
  };

  Quiz.prototype.bind = function () {
    var self = this;
    this.root.addEventListener("change", function () { self.remember(); });
    this.root.addEventListener("input", function () { self.remember(); });
    this.root.querySelector('[data-action="submit"]').addEventListener("click", function () { self.requestSubmit(); });
    if (this.confirmBox) {
      this.confirmBox.querySelector('[data-action="confirm-submit"]').addEventListener("click", function () { self.submit(); });
      this.confirmBox.querySelector('[data-action="cancel-submit"]').addEventListener("click", function () {
        var first = (self.missing || [])[0];
        self.closeConfirm();
        if (first) {
          first.scrollIntoView({ block: "center" });
          var input = first.querySelector("input");
          if (input) input.focus({ preventScroll: true });
        }
      });
    }
    this.retry.addEventListener("click", function () { self.retryWrong(); });
    this.root.querySelector('[data-action="reset"]').addEventListener("click", function () { self.reset(); });
  };

  function init() {
    each(document.querySelectorAll(".ql-quiz[data-key]"), function (root) { root.qlQuiz = new Quiz(root); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
