// govdoc serve: the drafting page. Plain JavaScript, no library; every text the server
// sends back is put in the page with textContent, except the preview, which
// govdoc.html builds with every piece of user text escaped.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("draft-form");
  const text = $("text");
  const preview = $("preview");
  const findings = $("findings");
  const message = $("message");
  const DEBOUNCE_MS = 400;
  const FORMAT_LABELS = { text: "文本 text", markdown: "Markdown", yaml: "模型 YAML",
                          json: "模型 JSON", toml: "模型 TOML" };
  let busy = 0;
  let sequence = 0;
  let timer = null;
  let controller = null;

  function setBusy(delta) {
    busy += delta;
    document.body.dataset.busy = String(busy);
  }

  function say(text) {
    message.textContent = text;
    message.hidden = !text;
    document.body.dataset.state = text ? "error" : "ok";
  }

  async function errorOf(response) {
    try {
      const data = await response.json();
      if (data && data.error) return data.error;
    } catch (e) { /* not JSON */ }
    return "请求失败: the server answered " + response.status;
  }

  async function post(url, body, signal) {
    setBusy(1);
    try {
      const response = await fetch(url, { method: "POST", body: body, signal: signal,
                                           credentials: "same-origin" });
      if (!response.ok) {
        const error = await errorOf(response);
        const failure = new Error(error);
        failure.status = response.status;
        throw failure;
      }
      return response;
    } finally {
      setBusy(-1);
    }
  }

  function showFindings(notes) {
    findings.replaceChildren();
    for (const note of notes) {
      const li = document.createElement("li");
      li.className = "finding " + note.source + " " + note.severity;
      const where = document.createElement("span");
      where.className = "clause";
      where.textContent = note.source === "checker"
        ? note.rule + " · GB/T 9704 " + note.clause
        : (note.source === "importer" ? "导入 import" : "模型 model");
      const what = document.createElement("span");
      what.className = "what";
      what.textContent = note.message;
      li.append(where, what);
      if (note.excerpt) {
        const excerpt = document.createElement("q");
        excerpt.textContent = note.excerpt;
        li.append(excerpt);
      }
      if (note.paragraph) {
        li.dataset.paragraph = String(note.paragraph);
        li.tabIndex = 0;
        li.title = "在预览中显示 show in the preview";
        li.addEventListener("click", () => reveal(note.paragraph));
        li.addEventListener("keydown", (e) => { if (e.key === "Enter") reveal(note.paragraph); });
      }
      findings.append(li);
    }
    $("findings-count").textContent = notes.length ? "(" + notes.length + ")" : "(0 ✓)";
  }

  function reveal(paragraph) {
    for (const old of preview.querySelectorAll(".gd-flagged")) old.classList.remove("gd-flagged");
    // A paragraph's lines are placed on the page one by one (its own box has no
    // height), so the lines are what is marked and scrolled to.
    const selector = '[data-p="' + Number(paragraph) + '"]';
    let marks = preview.querySelectorAll(selector + " > .gd-l, " + selector + " > .gd-seg");
    if (!marks.length) marks = preview.querySelectorAll(selector);
    if (!marks.length) return;
    for (const mark of marks) mark.classList.add("gd-flagged");
    marks[0].scrollIntoView({ block: "center" });
  }

  async function refresh() {
    clearTimeout(timer);
    if (controller) controller.abort();
    controller = new AbortController();
    const mine = ++sequence;
    try {
      const response = await post("/api/preview", new FormData(form), controller.signal);
      const data = await response.json();
      if (mine !== sequence) return;
      preview.innerHTML = data.html;
      preview.dataset.title = data.title;
      showFindings(data.notes);
      say("");
    } catch (e) {
      if (e.name === "AbortError" || mine !== sequence) return;
      preview.replaceChildren();
      findings.replaceChildren();
      $("findings-count").textContent = "";
      say(e.message);
    }
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, DEBOUNCE_MS);
  }

  function setDraft(draft) {
    text.value = draft.text;
    $("format").value = draft.format;
    $("notes").value = (draft.notes || []).join("\n");
    $("format-label").textContent = FORMAT_LABELS[draft.format] || draft.format;
  }

  async function upload(input) {
    const file = input.files[0];
    if (!file) return;
    const body = new FormData();
    body.append("file", file);
    try {
      const response = await post("/api/upload", body);
      setDraft(await response.json());
      await refresh();
    } catch (e) {
      say(e.message);
    } finally {
      input.value = "";
    }
  }

  function filename(response, fallback) {
    const header = response.headers.get("content-disposition") || "";
    const m = header.match(/filename\*=UTF-8''([^;]+)/);
    return m ? decodeURIComponent(m[1]) : fallback;
  }

  async function save(response, fallback) {
    const blob = await response.blob();
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filename(response, fallback);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  }

  async function download(url, fallback) {
    try {
      const response = await post(url, new FormData(form));
      say("");
      await save(response, fallback);
    } catch (e) {
      say(e.message);
    }
  }

  // -- the batch tab ---------------------------------------------------------------------

  async function runBatch() {
    const status = $("batch-status");
    const bar = $("batch-progress");
    const failed = $("batch-failed");
    failed.replaceChildren();
    bar.value = 0;
    try {
      const response = await post("/api/batch", new FormData($("batch-form")));
      let job = await response.json();
      while (!job.finished) {
        bar.max = Math.max(job.total, 1);
        bar.value = job.done;
        status.textContent = "已完成 " + job.done + " / " + job.total;
        await new Promise((r) => setTimeout(r, 250));
        const state = await fetch("/api/batch/" + encodeURIComponent(job.id),
                                  { credentials: "same-origin" });
        if (!state.ok) throw new Error(await errorOf(state));
        job = await state.json();
      }
      bar.max = Math.max(job.total, 1);
      bar.value = job.done;
      for (const line of job.failed) {
        const li = document.createElement("li");
        li.textContent = line;
        failed.append(li);
      }
      if (job.error) throw new Error(job.error);
      const zip = await fetch("/api/batch/" + encodeURIComponent(job.id) + "/zip",
                              { credentials: "same-origin" });
      if (!zip.ok) throw new Error(await errorOf(zip));
      status.textContent = "已完成 " + job.done + " / " + job.total + "，" +
        (job.done - job.failed.length) + " 份已打包下载 documents zipped" +
        (job.failed.length ? "，" + job.failed.length + " 行失败 rows failed" : "");
      say("");
      await save(zip, "govdoc-batch.zip");
    } catch (e) {
      status.textContent = "";
      say(e.message);
    }
  }

  // -- wiring ----------------------------------------------------------------------------

  text.addEventListener("input", later);
  for (const id of ["kind", "sealed", "seal", "template"]) $(id).addEventListener("change", refresh);
  $("upload").addEventListener("change", (e) => upload(e.target));
  $("download-docx").addEventListener("click", () => download("/api/docx", "document.docx"));
  if ($("download-pdf")) {
    $("download-pdf").addEventListener("click", () => download("/api/pdf", "document.pdf"));
  }
  $("batch-run").addEventListener("click", runBatch);
  for (const tab of document.querySelectorAll('[role="tab"]')) {
    tab.addEventListener("click", () => {
      for (const other of document.querySelectorAll('[role="tab"]')) {
        other.setAttribute("aria-selected", String(other === tab));
        $(other.dataset.panel).hidden = other !== tab;
      }
    });
  }
  document.body.dataset.busy = "0";
})();
