/* Wing Voice kiosk enhancements. Every page works without this file; with it:
   - answers are sent without a full page reload, focus moves to the new
     question and a live region announces it;
   - after a spell of no use, "Are you still there?" appears and, if nobody
     answers, the screen is cleared for the next person. */
(function () {
  "use strict";

  var body = document.body;
  // Lets styles (and tests) know the page has been enhanced.
  document.documentElement.classList.add("js");

  function announce(text) {
    var region = document.getElementById("announce");
    if (!region) { return; }
    region.textContent = "";
    // A fresh text node after a tick makes screen readers speak it again.
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  function showNewest(focus, supportIsNew) {
    // A new support message (someone may be at risk) comes before the next question.
    var now = (supportIsNew && document.getElementById("support")) || document.getElementById("now");
    if (!now) { return; }
    now.scrollIntoView({ block: "center" });
    if (focus) {
      now.focus({ preventScroll: true });
      announce(now.textContent.replace(/\s+/g, " ").trim());
    }
  }

  function applyStep(step) {
    // Only what changed: keep the transcript steps before data-first, replace
    // the rest, and swap the progress and the controls under the transcript.
    var first = parseInt(step.getAttribute("data-first"), 10);
    var transcript = document.querySelector("main.chat .transcript");
    transcript.querySelectorAll("li").forEach(function (li) {
      var index = li.getAttribute("data-step");
      if (index === null || parseInt(index, 10) >= first) { li.remove(); }
    });
    Array.prototype.slice.call(step.querySelector("ol").children).forEach(function (li) {
      transcript.appendChild(document.adoptNode(li));
    });
    var progress = document.getElementById("progress");
    var newProgress = step.querySelector("#progress");
    if (progress && newProgress) { progress.replaceWith(document.adoptNode(newProgress)); }
    document.getElementById("controls").replaceWith(document.adoptNode(step.querySelector("#controls")));
    document.getElementById("main").setAttribute("data-turn", step.getAttribute("data-turn"));
  }

  function swapPage(html, response) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    if (response.redirected) {
      // The server sent us elsewhere (the start page): go there properly.
      window.location.assign(response.url);
      return;
    }
    var hadSupport = !!document.getElementById("support");
    var step = doc.getElementById("step");
    var newMain = doc.getElementById("main");
    if (step && document.querySelector("main.chat .transcript")) {
      applyStep(step);
    } else if (newMain && doc.querySelector("main.chat")) {
      var oldTop = document.querySelector(".topbar");
      var newTop = doc.querySelector(".topbar");
      if (oldTop && newTop) { oldTop.replaceWith(newTop); }
      document.getElementById("main").replaceWith(newMain);
      document.title = doc.title;
    } else {
      // An error page: show it whole, in place.
      document.title = doc.title;
      document.body.replaceWith(doc.body);
      return;
    }
    showNewest(true, !hadSupport);
    offerLocalSpeech();
    readNewQuestion();
  }

  function sendForm(form, submitter) {
    var data = new URLSearchParams(new FormData(form, submitter || undefined));
    form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    // form.action would return the button named "action" (skip), not the URL.
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      // Asks for the next step in the reply itself, saving a redirect.
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Requested-With": "fetch" }
    }).then(function (response) {
      return response.text().then(function (html) { swapPage(html, response); });
    }).catch(function () {
      // The network hiccuped: fall back to an ordinary submit, which the
      // server deduplicates by the turn id the form carries.
      form.submit();
    });
  }

  /* Read aloud: recorded or espeak-ng clips served from this machine; where a
     language has none, the browser's own local voice (never an online one). */
  var player = document.getElementById("player");

  function localVoice(lang) {
    if (!("speechSynthesis" in window)) { return null; }
    var wanted = (lang || "").toLowerCase();
    return window.speechSynthesis.getVoices().filter(function (v) {
      return v.localService && v.lang.toLowerCase().split("-")[0] === wanted;
    })[0] || null;
  }

  function offerLocalSpeech() {
    var lang = document.documentElement.lang;
    if (!localVoice(lang)) { return; }
    document.querySelectorAll("button.play[data-say]").forEach(function (b) { b.hidden = false; });
  }

  function play(control) {
    document.querySelectorAll(".play.playing").forEach(function (p) { p.classList.remove("playing"); });
    control.classList.add("playing");
    var url = control.getAttribute("data-audio");
    if (url && player) {
      player.src = url;
      player.onended = function () { control.classList.remove("playing"); };
      player.play().catch(function () { control.classList.remove("playing"); });
      return;
    }
    var voice = localVoice(document.documentElement.lang);
    if (voice) {
      var utterance = new SpeechSynthesisUtterance(control.getAttribute("data-say"));
      utterance.voice = voice;
      utterance.onend = function () { control.classList.remove("playing"); };
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(utterance);
    }
  }

  function readNewQuestion() {
    if (body.getAttribute("data-read-aloud") !== "1") { return; }
    var control = document.querySelector("#now .play:not([hidden])");
    if (control) { play(control); }
  }

  document.addEventListener("click", function (event) {
    var control = event.target.closest(".play");
    if (!control) { return; }
    event.preventDefault();
    play(control);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.closest("main.chat") || form.closest(".stop")) { return; }
    if (form.getAttribute("action").indexOf("/finish") !== -1) { return; }
    event.preventDefault();
    sendForm(form, event.submitter);
  });

  /* Idle reset for shared kiosks. */
  var idleSeconds = parseInt(body.getAttribute("data-idle"), 10);
  var warningSeconds = parseInt(body.getAttribute("data-warning"), 10);
  var dialog = document.getElementById("idle-dialog");
  var resetForm = document.getElementById("idle-reset");
  var idleTimer = null;
  var countdownTimer = null;

  function clearScreen() {
    window.clearInterval(countdownTimer);
    resetForm.submit();
  }

  function warn() {
    var left = warningSeconds;
    var count = document.getElementById("idle-count");
    count.textContent = String(left);
    dialog.showModal();
    document.getElementById("idle-continue").focus();
    countdownTimer = window.setInterval(function () {
      left -= 1;
      count.textContent = String(Math.max(left, 0));
      if (left <= 0) { clearScreen(); }
    }, 1000);
  }

  function stillHere() {
    if (dialog.open) { return; }
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(warn, idleSeconds * 1000);
  }

  if (dialog && resetForm && idleSeconds > 0 && body.hasAttribute("data-idle-reset")) {
    document.getElementById("idle-continue").addEventListener("click", function () {
      window.clearInterval(countdownTimer);
      dialog.close();
      stillHere();
    });
    // Escape closes a modal dialog; treat it as "yes, I am here".
    dialog.addEventListener("cancel", function () { window.clearInterval(countdownTimer); window.setTimeout(stillHere, 0); });
    ["pointerdown", "keydown", "input", "scroll", "touchstart"].forEach(function (name) {
      document.addEventListener(name, stillHere, { passive: true, capture: true });
    });
    stillHere();
  }

  showNewest(false);
  offerLocalSpeech();
  if ("speechSynthesis" in window) { window.speechSynthesis.onvoiceschanged = offerLocalSpeech; }
}());
