// storyline page: stories, a story's dossier, claim evidence, checks and uploads.
// Every piece of text from the store is put in the page with textContent (the el() helper below):
// no HTML is ever built from data, so markup inside an article stays text.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const PAGE_SIZE = 25;
const state = { query: "", offset: 0, total: 0, story: null, group: null, entity: null, waiting: null };
const PENDING_RETRY_MS = 3000;

// --- helpers -------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "onclick") node.addEventListener("click", value);
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

function $(id) {
  return document.getElementById(id);
}

async function api(path, options) {
  const response = await fetch(path, options);
  let data = null;
  try {
    data = await response.json();
  } catch (_) {
    data = { error: `HTTP ${response.status}` };
  }
  if (!response.ok && response.status !== 422) throw new Error(data.error || `HTTP ${response.status}`);
  return { status: response.status, data };
}

function plural(n, word) {
  if (n === 1) return `1 ${word}`;
  return `${n} ${word.endsWith("y") ? word.slice(0, -1) + "ie" : word}s`;
}

function badge(text, kind, title) {
  return el("span", { class: `badge ${kind || ""}`, title }, text);
}

function errorBox(message) {
  return el("p", { class: "error", role: "alert" }, message);
}

// --- story list ----------------------------------------------------------------------------

async function loadStories() {
  const params = new URLSearchParams({ q: state.query, offset: state.offset, limit: PAGE_SIZE });
  const list = $("story-list");
  try {
    const { data } = await api(`/api/stories?${params}`);
    state.total = data.total;
    $("corpus").textContent = `${plural(data.documents, "document")}`;
    $("story-count").textContent = (state.query
      ? `${plural(data.total, "story")} match “${state.query}”`
      : plural(data.total, "story")) + (data.pending ? `; ${data.pending} more being computed…` : "");
    if (data.pending && !state.waiting) {  // stories the server computes after it started: look again soon
      state.waiting = setTimeout(() => { state.waiting = null; loadStories(); }, PENDING_RETRY_MS);
    }
    clear(list);
    for (const story of data.stories) list.appendChild(storyItem(story));
    if (!state.story && !location.hash && data.stories.length) openStory(data.stories[0].id);
    $("page").textContent = data.total ? `${state.offset + 1}–${Math.min(state.offset + PAGE_SIZE, data.total)}` : "";
    $("prev").disabled = state.offset === 0;
    $("next").disabled = state.offset + PAGE_SIZE >= data.total;
  } catch (exc) {
    clear(list).appendChild(errorBox(`Stories could not be loaded: ${exc.message}`));
  }
}

function storyItem(story) {
  const dates = story.first ? (story.first === story.last ? story.first : `${story.first} – ${story.last}`) : "";
  const item = el("li", { class: state.story && state.story.id === story.id ? "current" : "" },
    el("a", { href: `#story=${encodeURIComponent(story.id)}`, class: "story-link", dataset: { story: story.id } },
      el("span", { class: "story-title" }, story.title)),
    el("div", { class: "counts" },
      badge(plural(story.documents, "doc"), "", "documents in the story"),
      badge(plural(story.sources, "source"), "sources", "independent sources (copies collapsed)"),
      badge(plural(story.claim_groups, "claim"), "", "claim groups"),
      story.contested ? badge(`${story.contested} contested`, "contested", "claim groups with a denial") : null,
      story.discrepancies ? badge(`${story.discrepancies} disagree`, "discrepancy",
        "claim groups whose sources give different numbers or dates") : null),
    el("div", { class: "muted small" }, [dates, story.entities.slice(0, 4).join(" · ")].filter(Boolean).join(" — ")));
  return item;
}

// --- story view ----------------------------------------------------------------------------

async function openStory(id) {
  const view = $("story-view");
  try {
    const { data } = await api(`/api/stories/${encodeURIComponent(id)}`);
    state.story = data;
    state.group = null;
    state.entity = null;
    state.texts = {};
    renderStory();
    document.querySelectorAll("#story-list li").forEach((li) => {
      const link = li.querySelector("a");
      li.classList.toggle("current", link && link.dataset.story === id);
    });
    await loadTexts(data.documents);
  } catch (exc) {
    clear(view).appendChild(errorBox(`Story ${id} could not be opened: ${exc.message}`));
  }
}

async function loadTexts(ids) {
  await Promise.all(ids.map(async (id) => {
    const { data } = await api(`/api/documents/${encodeURIComponent(id)}`);
    state.texts[id] = data.text;
  }));
  renderDocuments();
  $("doc-list").dataset.loaded = "true";
}

function docMeta(id) {
  return state.story.document_meta.find((d) => d.id === id) || { id };
}

function docLabel(id) {
  const doc = docMeta(id);
  return doc.outlet || doc.origin || id;
}

function cite(ids) {
  return el("span", { class: "cites" }, ids.map((id) =>
    el("button", { type: "button", class: "cite", title: docMeta(id).shown_title || id, onclick: () => showDocument(id) },
      docLabel(id))));
}

function renderStory() {
  const story = state.story;
  const counts = story.counts;
  const view = clear($("story-view"));
  append(view, [
    el("div", { class: "story-head" },
      el("h1", {}, story.title),
      el("p", { class: "muted" },
        `${plural(counts.documents, "document")} · ${plural(counts.sources, "independent source")} · ` +
        `${plural(counts.claim_groups, "claim group")}, ${counts.contested} contested` +
        (counts.first ? ` · published ${counts.first}${counts.last !== counts.first ? " – " + counts.last : ""}` : ""))),
    entityFilter(story),
    el("div", { class: "top" },
      el("section", { class: "summary" }, el("h2", {}, "Summary"), summaryList(story)),
      el("section", { class: "timeline" }, el("h2", {}, "Timeline"), timelineChart(story.timeline),
        el("ol", { id: "timeline-list", class: "timeline-list" }))),
    el("div", { class: "work" },
      el("section", { class: "claims" },
        el("div", { class: "section-head" }, el("h2", {}, "Claims"),
          el("label", { class: "small" }, el("input", { type: "checkbox", id: "only-contested" }), " only contested")),
        el("p", { class: "muted small" }, "Click a claim to see the sentences behind it in the documents."),
        el("ol", { id: "group-list", class: "groups" })),
      el("section", { class: "documents" }, el("h2", {}, "Documents"), el("div", { id: "doc-list" }))),
  ]);
  $("only-contested").addEventListener("change", renderGroups);
  renderTimelineList();
  renderGroups();
  renderDocuments();
}

function entityFilter(story) {
  const top = [...story.entities].sort((a, b) => b.mentions - a.mentions).slice(0, 14);
  if (!top.length) return null;
  return el("div", { class: "entities", role: "group", "aria-label": "Filter by entity" },
    el("span", { class: "muted small" }, "Filter by entity: "),
    top.map((entity) => el("button", {
      type: "button", class: "entity", title: `${entity.type} · ${plural(entity.mentions, "mention")}`,
      dataset: { entity: entity.id },
      onclick: (event) => {
        state.entity = state.entity && state.entity.id === entity.id ? null : entity;
        document.querySelectorAll(".entity").forEach((b) =>
          b.classList.toggle("on", state.entity !== null && b.dataset.entity === state.entity.id));
        renderGroups();
        renderDocuments();
        renderTimelineList();
        event.currentTarget.blur();
      },
    }, entity.name, el("small", {}, ` ${entity.type}`))));
}

function mentionsEntity(text) {
  if (!state.entity) return true;
  const lower = (text || "").toLowerCase();
  return [state.entity.name, ...state.entity.aliases].some((name) => lower.includes(name.toLowerCase()));
}

function summaryList(story) {
  if (!story.summary.length) return el("p", { class: "muted" }, "No summary: no sentence is backed by a claim.");
  return el("ol", { class: "summary-list" }, story.summary.map((s) => el("li", {}, s.text, " ", cite(s.documents))));
}

// --- timeline ------------------------------------------------------------------------------

const MAX_LANES = 8; // rows of the timeline chart; further overlapping marks share the last row
const SEASON_MONTH = { SP: 3, SU: 6, FA: 9, AU: 9, WI: 12 };

function span(value) {
  // [start, end) in ms of a date of the timeline: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-SU (season).
  const parts = String(value).split("-");
  const year = Number(parts[0]);
  if (!Number.isFinite(year)) return null;
  if (parts.length === 1) return [Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)];
  if (SEASON_MONTH[parts[1]]) {
    const month = SEASON_MONTH[parts[1]] - 1;
    return [Date.UTC(year, month, 1), Date.UTC(year, month + 3, 1)];
  }
  const month = Number(parts[1]) - 1;
  if (parts.length === 2) return [Date.UTC(year, month, 1), Date.UTC(year, month + 1, 1)];
  const day = Number(parts[2]);
  return [Date.UTC(year, month, day), Date.UTC(year, month, day + 1)];
}

function timelineChart(entries) {
  const width = 640;
  const marks = entries.map((entry, i) => ({ entry, i, span: span(entry.date) })).filter((m) => m.span);
  if (!marks.length) return el("p", { class: "muted" }, "No dated events.");
  // The axis spans the precise dates (a background "since 2011" would squeeze the story into a corner);
  // vaguer dates outside it sit at its edges, and their tooltips give the real date.
  const precise = marks.filter((m) => m.entry.precision === "day" || m.entry.precision === "week");
  const basis = precise.length >= 2 ? precise : marks;
  const start = Math.min(...basis.map((m) => m.span[0]));
  const end = Math.max(...basis.map((m) => m.span[1]));
  const clamp = (t) => Math.min(Math.max(t, start), end);
  const x = (t) => 10 + ((clamp(t) - start) / Math.max(end - start, 1)) * (width - 20);
  const lanes = [];
  for (const mark of marks.sort((a, b) => a.span[0] - b.span[0])) {
    const left = x(mark.span[0]);
    let lane = lanes.findIndex((right) => right + 4 < left);
    if (lane < 0) lane = lanes.length < MAX_LANES ? lanes.push(0) - 1 : MAX_LANES - 1;
    mark.lane = lane;
    lanes[lane] = Math.max(x(mark.span[1]), left + 8);
  }
  const height = 34 + lanes.length * 14;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img",
    "aria-label": `Timeline of ${marks.length} dated events` });
  chart.appendChild(svg("line", { x1: 10, x2: width - 10, y1: height - 22, y2: height - 22, class: "axis" }));
  for (const tick of ticks(start, end)) {
    chart.appendChild(svg("line", { x1: x(tick.t), x2: x(tick.t), y1: 4, y2: height - 18, class: "tick" }));
    chart.appendChild(svg("text", { x: x(tick.t) + 2, y: height - 6, class: "tick-label" }, tick.label));
  }
  for (const mark of marks) {
    const left = x(mark.span[0]);
    const w = Math.max(x(mark.span[1]) - left, 6);
    const outside = mark.span[1] <= start || mark.span[0] >= end;
    const thin = !["day", "week"].includes(mark.entry.precision);  // a month or a year: a span, not a point
    const rect = svg("rect", { x: Math.min(left, width - 16), y: 6 + mark.lane * 14 + (thin ? 3 : 0), width: w,
      height: thin ? 4 : 10, rx: 2,
      class: `mark ${mark.entry.precision}${outside ? " outside" : ""}`, "data-index": mark.i });
    rect.appendChild(svg("title", {}, `${mark.entry.date} — ${mark.entry.text}`));
    rect.addEventListener("click", () => focusTimeline(mark.i));
    chart.appendChild(rect);
  }
  return chart;
}

function ticks(start, end) {
  const out = [];
  const first = new Date(start);
  const years = (end - start) / (365.25 * 864e5);
  if (years > 2) {
    const step = Math.ceil(years / 8);
    for (let y = first.getUTCFullYear(); Date.UTC(y, 0, 1) <= end; y += step) {
      if (Date.UTC(y, 0, 1) >= start) out.push({ t: Date.UTC(y, 0, 1), label: String(y) });
    }
  } else if (years > 0.25) {
    const months = Math.round(years * 12);
    const step = Math.max(1, Math.ceil(months / 8));
    for (let m = 0; Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1) <= end; m += step) {
      const t = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1);
      if (t >= start) out.push({ t, label: new Date(t).toISOString().slice(0, 7) });
    }
  } else {
    const days = (end - start) / 864e5;
    const step = Math.max(1, Math.ceil(days / 8));
    for (let t = start; t <= end; t += step * 864e5) out.push({ t, label: new Date(t).toISOString().slice(5, 10) });
  }
  return out;
}

function renderTimelineList() {
  const list = $("timeline-list");
  if (!list) return;
  clear(list);
  state.story.timeline.forEach((entry, i) => {
    if (!mentionsEntity(entry.text)) return;
    list.appendChild(el("li", { id: `t${i}` },
      el("time", { class: entry.inferred ? "inferred" : "", title: `precision: ${entry.precision}` }, entry.date),
      " ", entry.text, " ", cite(entry.documents)));
  });
}

function focusTimeline(i) {
  const item = $(`t${i}`);
  if (!item) return;
  document.querySelectorAll(".timeline-list li.on").forEach((li) => li.classList.remove("on"));
  item.classList.add("on");
  item.scrollIntoView({ block: "nearest" });
}

// --- claim groups and evidence -------------------------------------------------------------

function renderGroups() {
  const list = clear($("group-list"));
  const claims = Object.fromEntries(state.story.claims.map((c) => [c.id, c]));
  const onlyContested = $("only-contested").checked;
  let shown = 0;
  for (const group of state.story.claim_groups) {
    if (onlyContested && !group.contested && !group.discrepancies.length) continue;
    const members = group.claims.map((id) => claims[id]).filter(Boolean);
    if (!mentionsEntity([group.label, ...members.map((c) => c.text)].join(" "))) continue;
    list.appendChild(groupItem(group, members));
    shown += 1;
  }
  if (!shown) list.appendChild(el("li", { class: "muted" }, "No claim group matches the filter."));
}

function groupItem(group, members) {
  const speakers = [...new Set(members.map((c) => c.speaker || "unattributed"))];
  const denials = members.filter((c) => c.stance === "denies");
  const sources = group.independent_sources;
  return el("li", {
    class: `group ${group.contested ? "is-contested" : ""} ${state.group === group.id ? "on" : ""}`,
    dataset: { group: group.id }, tabindex: 0,
    onclick: () => selectGroup(group.id),
  },
  el("div", { class: "group-label" }, group.label),
  el("div", { class: "counts" },
    badge(plural(sources, "independent source"), sources >= 2 ? "sources strong" : "sources",
      (group.origins || []).join(", ") || "independent sources"),
    badge(plural(group.documents.length, "doc"), "", "documents carrying the claim"),
    group.contested ? badge(`denied by ${plural(Math.max(group.denying_sources, 1), "source")}`, "contested",
      denials.map((c) => `${c.speaker || "unattributed"}: ${c.text}`).join("\n") || "contested") : null,
    group.discrepancies.map((d) => badge(`${d.kind} differs: ${d.values.join(" vs ")}`, "discrepancy",
      "the sources disagree"))),
  el("div", { class: "muted small" }, `who: ${speakers.join("; ")}`));
}

function selectGroup(id) {
  state.group = state.group === id ? null : id;
  document.querySelectorAll(".group").forEach((li) => li.classList.toggle("on", li.dataset.group === state.group));
  renderDocuments();
  const first = document.querySelector("#doc-list mark");
  if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
}

function evidence() {
  // document id -> [{text, stance}] of the selected group's claims
  const out = {};
  if (!state.group) return out;
  const group = state.story.claim_groups.find((g) => g.id === state.group);
  const claims = Object.fromEntries(state.story.claims.map((c) => [c.id, c]));
  for (const id of group ? group.claims : []) {
    const claim = claims[id];
    if (claim) (out[claim.document] = out[claim.document] || []).push(claim);
  }
  return out;
}

function renderDocuments() {
  const list = $("doc-list");
  if (!list) return;
  clear(list);
  const marked = evidence();
  const ids = state.story.documents.filter((id) => !state.entity || state.entity.documents.includes(id));
  ids.sort((a, b) => (marked[b] ? 1 : 0) - (marked[a] ? 1 : 0));
  for (const id of ids) list.appendChild(documentCard(docMeta(id), marked[id] || []));
}

function documentCard(doc, claims) {
  const text = state.texts[doc.id];
  const url = /^https?:\/\//i.test(doc.url || "") ? doc.url : null;
  const body = el("div", { class: "doc-text" });
  if (text === undefined) body.appendChild(el("p", { class: "muted" }, "loading…"));
  else highlight(body, text, claims);
  return el("article", { class: `doc ${claims.length ? "has-evidence" : ""}`, id: `doc-${doc.id}` },
    el("header", {},
      el("h3", {}, doc.shown_title || doc.title || doc.id),
      el("div", { class: "muted small" },
        [doc.published, doc.outlet, doc.origin && doc.origin !== doc.outlet ? `origin ${doc.origin}` : null,
          doc.authors && doc.authors.length ? `by ${doc.authors.join(", ")}` : null].filter(Boolean).join(" · "),
        " ", doc.copy_of ? badge(`${doc.copy_kind || ""} copy of ${doc.copy_of}`, "copy",
          "counted with the document it copies") : null,
        claims.some((c) => c.stance === "denies") ? badge("denies", "contested") : null,
        " ", url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original") : null)),
    body);
}

function highlight(container, text, claims) {
  // The text as paragraphs, each claim's sentence wrapped in <mark>, all as text nodes.
  const ranges = [];
  for (const claim of claims) {
    const at = text.indexOf(claim.text);
    if (at >= 0) ranges.push([at, at + claim.text.length, claim.stance]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let paragraph = el("p");
  container.appendChild(paragraph);
  const addText = (chunk, mark) => {
    chunk.split(/\n\s*\n/).forEach((part, i) => {
      if (i > 0) {
        paragraph = el("p");
        container.appendChild(paragraph);
      }
      if (part) paragraph.appendChild(mark ? el("mark", { class: mark }, part) : document.createTextNode(part));
    });
  };
  let pos = 0;
  for (const [start, end, stance] of ranges) {
    if (start < pos) continue;
    addText(text.slice(pos, start));
    addText(text.slice(start, end), stance === "denies" ? "deny" : "assert");
    pos = end;
  }
  addText(text.slice(pos));
}

function showDocument(id) {
  const card = $(`doc-${id}`);
  if (card) {
    card.scrollIntoView({ block: "start", behavior: "smooth" });
    card.classList.add("flash");
    setTimeout(() => card.classList.remove("flash"), 1200);
  }
}

// --- check a claim -------------------------------------------------------------------------

async function checkClaim(event) {
  event.preventDefault();
  const out = clear($("check-result"));
  const claim = $("claim").value.trim();
  if (!claim) return;
  const body = { claim };
  if ($("check-story").checked && state.story) body.story = state.story.id;
  out.appendChild(el("p", { class: "muted" }, "checking…"));
  try {
    const { data } = await api("/api/check", { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify(body) });
    clear(out);
    out.appendChild(el("p", { class: "verdict" }, data.verdict.line));
    const order = { agree: 0, disagree: 1, discuss: 2, unrelated: 3 };
    const rows = [...data.documents].sort((a, b) => order[a.stance] - order[b.stance] || b.probability - a.probability);
    out.appendChild(el("ol", { class: "check-list" }, rows.filter((d) => d.stance !== "unrelated").map((d) =>
      el("li", {}, badge(d.stance, `stance-${d.stance}`, `p = ${d.probability}`), " ",
        el("strong", {}, d.title || d.document), el("span", { class: "muted small" }, ` ${d.source}`),
        d.evidence.length ? el("ul", { class: "evidence" }, d.evidence.map((s) => el("li", {}, s))) : null))));
    const unrelated = rows.filter((d) => d.stance === "unrelated").length;
    if (unrelated) out.appendChild(el("p", { class: "muted small" }, `${plural(unrelated, "document")} unrelated`));
  } catch (exc) {
    clear(out).appendChild(errorBox(exc.message));
  }
}

// --- add a document ------------------------------------------------------------------------

async function addDocument(event) {
  event.preventDefault();
  const out = clear($("add-result"));
  const files = $("add-file").files;
  let request;
  if (files.length) {
    const form = new FormData();
    for (const file of files) form.append("file", file, file.name);
    request = { method: "POST", body: form };
  } else {
    const text = $("add-text").value.trim();
    if (!text) {
      out.appendChild(errorBox("Paste a text or choose a file."));
      return;
    }
    const record = { text, title: $("add-title").value.trim() || null, published: $("add-date").value || null,
      outlet: $("add-outlet").value.trim() || null };
    request = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(record) };
  }
  out.appendChild(el("p", { class: "muted" }, "reading, cleaning and annotating…"));
  try {
    const { status, data } = await api("/api/documents", request);
    clear(out);
    const line = `${plural(data.added.length, "document")} added, ${data.skipped} already stored`;
    out.appendChild(el("p", { class: status === 422 ? "error" : "ok" }, line));
    for (const e of data.errors) out.appendChild(errorBox(`${e.source}: ${e.error}`));
    for (const w of data.warnings) out.appendChild(el("p", { class: "warning" }, `${w.source}: ${w.warning}`));
    for (const id of data.stories) {
      out.appendChild(el("p", {}, "in story ", el("a", { href: `#story=${encodeURIComponent(id)}` }, id)));
    }
    if (data.added.length) {
      $("add-form").reset();
      await loadStories();
      if (data.stories.length) location.hash = `story=${encodeURIComponent(data.stories[0])}`;
    }
  } catch (exc) {
    clear(out).appendChild(errorBox(exc.message));
  }
}

// --- wiring --------------------------------------------------------------------------------

function route() {
  const match = /^#story=(.+)$/.exec(location.hash);
  if (match) openStory(decodeURIComponent(match[1]));
}

function togglePanel(id) {
  const panel = $(id);
  panel.hidden = !panel.hidden;
  if (!panel.hidden) {
    const input = panel.querySelector("textarea");
    if (input) input.focus();
  }
}

document.addEventListener("DOMContentLoaded", () => {
  let typing;
  $("search").addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.query = $("search").value.trim();
      state.offset = 0;
      loadStories();
    }, 200);
  });
  $("search-form").addEventListener("submit", (event) => event.preventDefault());
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE_SIZE); loadStories(); });
  $("next").addEventListener("click", () => { state.offset += PAGE_SIZE; loadStories(); });
  $("open-check").addEventListener("click", () => togglePanel("check-panel"));
  $("open-add").addEventListener("click", () => togglePanel("add-panel"));
  $("check-form").addEventListener("submit", checkClaim);
  $("add-form").addEventListener("submit", addDocument);
  window.addEventListener("hashchange", route);
  loadStories();
  route();
});
