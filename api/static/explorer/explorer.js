/* esgkg explorer: search entities, draw a neighbourhood with Cytoscape.js, show the names,
 * reports and evidence sentences of a clicked node. Everything comes from /graphql. */
"use strict";

/* Same hues as kg/export.py TYPE_COLOURS, so exports and the explorer agree. */
const TYPE_COLOURS = {
  Report: "#7f8c8d", Company: "#2e86de", Committee: "#8e44ad", Person: "#e67e22",
  Programme: "#27ae60", Certification: "#c0392b", SDG: "#f1c40f",
  ReportingFramework: "#16a085", Organization: "#5d6d7e",
};
const TYPE_NAMES = {
  ReportingFramework: "Framework", Organization: "Organisation",
};

/* The *Links fields of each GraphQL type: a relation with its direction and evidence. */
const LINK_FIELDS = {
  Company: ["committeeLinks", "certificationLinks", "programmeLinks", "sdgLinks", "parentLinks",
            "subsidiaryLinks", "partnerLinks"],
  Committee: ["companyLinks", "reportsToLinks", "subCommitteeLinks", "chairLinks", "memberLinks"],
  Person: ["committeeLinks", "chairLinks"],
  Programme: ["runByLinks", "sdgLinks"],
  Certification: ["holderLinks"],
  SDG: ["companyLinks", "programmeLinks"],
  Organization: ["partnerLinks"],
  ReportingFramework: [],
};
/* Reports are nodes too: a company publishes them, a framework is followed by them. */
const REPORT_FIELDS = { Company: "publishedBy", ReportingFramework: "follows" };

const LINK = "{ predicate inverse node { __typename id label(lang: $lang) } " +
             "evidence { sentence line report { id sourceFile } } }";

const FONTS = '"Noto Sans CJK SC", "Noto Sans CJK TC", "PingFang SC", "Microsoft YaHei", ' +
              '"WenQuanYi Micro Hei", system-ui, sans-serif';
const $ = (sel) => document.querySelector(sel);
const state = { lang: "", centre: null, cy: null, searchSeq: 0 };
window.esgkgExplorer = state; // for tests and the console

/* ------------------------------------------------------------------ GraphQL */

async function gql(query, variables) {
  const res = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await res.json();
  } catch (e) {
    throw new Error(`GraphQL answered ${res.status} without JSON`);
  }
  if (body.errors && body.errors.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  if (!res.ok) throw new Error(`GraphQL answered ${res.status}`);
  return body.data;
}

const SEARCH = `query Search($text: String!, $lang: String) {
  search(text: $text, first: 30) { __typename id label(lang: $lang) mentionedIn { id } }
}`;

const TYPE_OF = `query TypeOf($id: ID!) { entity(id: $id) { __typename } }`;

function neighbourhoodQuery(type) {
  const links = (LINK_FIELDS[type] || []).map((f) => `${f} ${LINK}`).join("\n      ");
  const reports = REPORT_FIELDS[type] ? "reports { id sourceFile title(lang: $lang) }" : "";
  return `query Neighbourhood($id: ID!, $lang: String) {
  entity(id: $id) {
    __typename id label(lang: $lang)
    ... on ${type} {
      ${links}
      ${reports}
    }
  }
}`;
}

const ENTITY_DETAILS = `query Details($id: ID!, $lang: String) {
  entity(id: $id) {
    __typename id label(lang: $lang)
    labels { value lang } altLabels { value lang }
    mentionedIn { id sourceFile title(lang: $lang) }
    evidence(predicate: "type") { sentence line report { id sourceFile } }
  }
}`;

const REPORT_DETAILS = `query Report($id: ID!, $lang: String) {
  report(id: $id) {
    id sourceFile title(lang: $lang) language periodStart periodEnd
    publisher { id label(lang: $lang) }
    frameworks { id label(lang: $lang) }
  }
}`;

/* ------------------------------------------------------------------ helpers */

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null) continue;
    if (k === "class") node.className = v;
    else if (k === "style") node.style.cssText = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function badge(type) {
  return el("span", { class: "badge", style: `background:${TYPE_COLOURS[type] || "#888"}`,
                      "data-type": type }, TYPE_NAMES[type] || type);
}

function localName(iri) {
  const cut = Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/"));
  return iri.slice(cut + 1);
}

function shortLabel(text, max = 12) {
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

let statusTimer = null;
function status(message, isError = false) {
  const box = $("#status");
  if (!message) {
    box.className = "";
    return;
  }
  box.textContent = message;
  box.className = "shown" + (isError ? " error" : "");
  clearTimeout(statusTimer);
  if (!isError) statusTimer = setTimeout(() => { box.className = ""; }, 1500);
}

function pageUrl(id) {
  const params = new URLSearchParams();
  if (id) params.set("entity", id);
  if (state.lang) params.set("lang", state.lang);
  return `?${params}`;
}

/* ------------------------------------------------------------------ search */

async function search(text) {
  text = text.trim();
  const seq = ++state.searchSeq;
  const list = $("#results");
  if (!text) {
    list.replaceChildren();
    $("#results-hint").textContent = "Type a name to search the graph.";
    return;
  }
  $("#results-hint").textContent = "Searching…";
  try {
    const data = await gql(SEARCH, { text, lang: state.lang || null });
    if (seq !== state.searchSeq) return; // a newer search has started
    const hits = data.search;
    $("#results-hint").textContent = hits.length ? `${hits.length} match${hits.length > 1 ? "es" : ""} for “${text}”`
                                                 : `Nothing found for “${text}”.`;
    list.replaceChildren(...hits.map((hit) => {
      const n = hit.mentionedIn.length;
      const item = el("li", { tabindex: "0", "data-id": hit.id, "data-type": hit.__typename,
                              onclick: () => open(hit.id, hit.__typename),
                              onkeydown: (e) => { if (e.key === "Enter") open(hit.id, hit.__typename); } },
        el("span", { class: "name" }, hit.label),
        el("span", { class: "meta" }, badge(hit.__typename), `${n} report${n === 1 ? "" : "s"}`));
      return item;
    }));
  } catch (e) {
    $("#results-hint").textContent = "Search failed.";
    status(e.message, true);
  }
}

/* ------------------------------------------------------------------ graph */

function initGraph() {
  state.cy = cytoscape({
    container: $("#graph"),
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      { selector: "node", style: {
          "background-color": "data(colour)", "label": "data(short)", "color": "#1f2933",
          "font-family": FONTS, "font-size": 12, "text-valign": "bottom", "text-margin-y": 4,
          "text-background-color": "#ffffff", "text-background-opacity": 0.75, "text-background-padding": 2,
          "width": 26, "height": 26, "border-width": 2, "border-color": "#ffffff" } },
      { selector: "node.centre", style: {
          "width": 46, "height": 46, "font-size": 14, "font-weight": "bold", "border-color": "#17324d",
          "border-width": 3 } },
      { selector: "node:selected", style: { "border-color": "#e74c3c", "border-width": 4 } },
      { selector: "edge", style: {
          "width": 1.5, "line-color": "#a9b4c0", "target-arrow-color": "#a9b4c0",
          "target-arrow-shape": "triangle", "curve-style": "bezier", "arrow-scale": 0.9,
          "label": "data(predicate)", "font-family": FONTS, "font-size": 9, "color": "#52606d", "text-rotation": "autorotate",
          "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 1 } },
      /* on a star around the centre, the relation's name sits by the neighbour, where lines part */
      { selector: "edge.out", style: { "label": "", "target-label": "data(predicate)", "target-text-offset": 46 } },
      { selector: "edge.in", style: { "label": "", "source-label": "data(predicate)", "source-text-offset": 46 } },
      { selector: "edge:selected, edge.near", style: {
          "line-color": "#e74c3c", "target-arrow-color": "#e74c3c", "width": 2.5, "color": "#b03a2e" } },
    ],
  });
  state.cy.on("tap", "node", (evt) => {
    const node = evt.target;
    state.cy.edges().removeClass("near");
    node.connectedEdges().addClass("near");
    showDetails(node.id());
  });
  state.cy.on("tap", "edge", (evt) => {
    const edge = evt.target;
    state.cy.edges().removeClass("near");
    edge.addClass("near");
    showDetails(edge.target().id() === state.centre ? edge.source().id() : edge.target().id());
  });
  state.cy.on("dbltap", "node", (evt) => open(evt.target.id(), evt.target.data("type")));
}

function addNode(elements, id, type, label) {
  if (!elements.nodes.has(id)) {
    elements.nodes.set(id, { group: "nodes", data: {
      id, type, label, short: shortLabel(label), colour: TYPE_COLOURS[type] || "#888" } });
  }
}

function addEdge(elements, source, predicate, target, evidence) {
  const id = `${source}|${predicate}|${target}`;
  let edge = elements.edges.get(id);
  if (!edge) {
    edge = { group: "edges", data: { id, source, target, predicate, evidence: [] } };
    elements.edges.set(id, edge);
  }
  for (const ev of evidence || []) {
    const seen = edge.data.evidence.some((x) => x.sentence === ev.sentence && x.line === ev.line &&
                                                (x.report && x.report.id) === (ev.report && ev.report.id));
    if (!seen) edge.data.evidence.push(ev);
  }
}

async function typeOf(id) {
  const data = await gql(TYPE_OF, { id });
  if (!data.entity) throw new Error(`no entity ${id}`);
  return data.entity.__typename;
}

async function neighbourhood(id, type) {
  type = type || await typeOf(id);
  const data = await gql(neighbourhoodQuery(type), { id, lang: state.lang || null });
  const entity = data.entity;
  if (!entity) throw new Error(`no entity ${id}`);
  const elements = { nodes: new Map(), edges: new Map() };
  addNode(elements, entity.id, entity.__typename, entity.label);
  for (const field of LINK_FIELDS[type] || []) {
    for (const link of entity[field] || []) {
      const other = link.node;
      addNode(elements, other.id, other.__typename, other.label);
      const predicate = localName(link.predicate);
      if (link.inverse) addEdge(elements, other.id, predicate, entity.id, link.evidence);
      else addEdge(elements, entity.id, predicate, other.id, link.evidence);
    }
  }
  for (const report of entity.reports || []) {
    addNode(elements, report.id, "Report", report.title || report.sourceFile || localName(report.id));
    addEdge(elements, report.id, REPORT_FIELDS[type], entity.id, []);
  }
  return { entity, elements };
}

/* The centre in the middle, its neighbours on rings around it (more rings when there are
 * many, so labels stay readable), grouped by type so colours sit together. */
function runLayout(centre) {
  const cy = state.cy;
  const others = cy.nodes().filter((n) => n.id() !== centre).sort(
    (a, b) => (a.data("type") + a.data("label")).localeCompare(b.data("type") + b.data("label")));
  const rings = Math.max(1, Math.ceil(others.length / 18));
  const level = new Map(others.map((n, i) => [n.id(), rings - (i % rings)]));
  cy.layout({
    name: "concentric",
    concentric: (n) => (n.id() === centre ? rings + 1 : level.get(n.id())),
    levelWidth: () => 1,
    minNodeSpacing: 26,
    startAngle: (3 / 2) * Math.PI,
    sort: (a, b) => others.indexOf(a) - others.indexOf(b),
    animate: false,
    padding: 30,
  }).run();
  cy.fit(undefined, 30);
}

async function open(id, type, { push = true } = {}) {
  status("Loading…");
  try {
    const { entity, elements } = await neighbourhood(id, type);
    const cy = state.cy;
    cy.elements().remove();
    cy.add([...elements.nodes.values(), ...elements.edges.values()]);
    cy.$id(entity.id).addClass("centre");
    cy.edges().forEach((e) => {
      if (e.source().id() === entity.id) e.addClass("out");
      else if (e.target().id() === entity.id) e.addClass("in");
    });
    state.centre = entity.id;
    runLayout(entity.id);
    const count = elements.nodes.size - 1;
    $("#graph-title").replaceChildren(
      el("strong", {}, entity.label), " ", badge(entity.__typename),
      el("span", { class: "hint" }, `  ${count} neighbour${count === 1 ? "" : "s"} · click a node for details, double-click to centre on it`));
    for (const li of document.querySelectorAll("#results li")) {
      li.classList.toggle("active", li.dataset.id === entity.id);
    }
    if (push) history.pushState({ id: entity.id }, "", pageUrl(entity.id));
    cy.$id(entity.id).select();
    await showDetails(entity.id);
    status("");
  } catch (e) {
    status(e.message, true);
  }
}

async function expand(id) {
  status("Loading…");
  try {
    const { elements } = await neighbourhood(id, state.cy.$id(id).data("type"));
    const cy = state.cy;
    const fresh = [...elements.nodes.values(), ...elements.edges.values()].filter((e) => cy.$id(e.data.id).empty());
    cy.add(fresh);
    for (const edge of elements.edges.values()) {
      const existing = cy.$id(edge.data.id);
      if (existing.nonempty() && existing.data("evidence") !== edge.data.evidence) {
        existing.data("evidence", edge.data.evidence);
      }
    }
    cy.layout({ name: "cose", animate: false, fit: true, padding: 40, nodeRepulsion: () => 9000,
                idealEdgeLength: () => 90 }).run();
    status(`${fresh.filter((e) => e.group === "nodes").length} new nodes`);
  } catch (e) {
    status(e.message, true);
  }
}

/* ------------------------------------------------------------------ details */

function evidenceItem(ev, relation) {
  const source = ev.report ? `${ev.report.sourceFile || localName(ev.report.id)}, line ${ev.line}` : `line ${ev.line}`;
  return el("li", {},
    relation ? el("div", { class: "rel" }, relation) : null,
    el("div", { class: "sentence" }, ev.sentence),
    el("div", { class: "source" }, source));
}

function linkEvidence(id) {
  const cy = state.cy;
  const items = [];
  cy.$id(id).connectedEdges().forEach((edge) => {
    const rel = `${edge.source().data("label")} —${edge.data("predicate")}→ ${edge.target().data("label")}`;
    for (const ev of edge.data("evidence") || []) items.push(evidenceItem(ev, rel));
  });
  return items;
}

async function showDetails(id) {
  const box = $("#details");
  const node = state.cy.$id(id);
  const type = node.data("type");
  try {
    if (type === "Report") {
      const { report } = await gql(REPORT_DETAILS, { id, lang: state.lang || null });
      box.replaceChildren(
        el("h3", {}, report.title || report.sourceFile), badge("Report"),
        el("div", { class: "iri" }, report.id),
        el("dl", {},
          el("dt", {}, "File"), el("dd", {}, report.sourceFile || "—"),
          el("dt", {}, "Language"), el("dd", {}, report.language || "—"),
          el("dt", {}, "Period"), el("dd", {}, [report.periodStart, report.periodEnd].filter(Boolean).join(" – ") || "—"),
          el("dt", {}, "Publisher"), el("dd", {}, report.publisher ? report.publisher.label : "—"),
          el("dt", {}, "Follows"), el("dd", {}, report.frameworks.map((f) => f.label).join(", ") || "—")));
      return;
    }
    const { entity } = await gql(ENTITY_DETAILS, { id, lang: state.lang || null });
    if (!entity) throw new Error(`no entity ${id}`);
    const names = entity.labels.map((l) => el("div", {}, el("span", { class: "hint" }, `${l.lang || "—"} `), l.value));
    const alts = entity.altLabels.map((l) => l.value);
    const links = linkEvidence(id);
    const mentions = entity.evidence.slice(0, 3).map((ev) => evidenceItem(ev, null));
    box.replaceChildren(
      el("h3", {}, entity.label), badge(entity.__typename),
      el("div", { class: "iri" }, entity.id),
      el("div", { class: "actions" },
        id !== state.centre ? el("button", { type: "button", onclick: () => open(id, entity.__typename) }, "Centre here") : null,
        el("button", { type: "button", class: "secondary", onclick: () => expand(id) }, "Add its neighbours")),
      el("dl", {},
        el("dt", {}, "Names"), el("dd", {}, names.length ? names : "—"),
        alts.length ? [el("dt", {}, "Also"), el("dd", {}, alts.join(" · "))] : null),
      el("section", {}, el("h2", {}, `Reports (${entity.mentionedIn.length})`),
        el("ul", { class: "reports" }, entity.mentionedIn.map((r) =>
          el("li", {}, r.sourceFile || localName(r.id), r.title ? el("span", { class: "hint" }, ` — ${r.title}`) : null)))),
      el("section", { id: "link-evidence" }, el("h2", {}, "Evidence for its links"),
        links.length ? el("ul", { class: "evidence" }, links) : el("p", { class: "hint" }, "No link with evidence in view.")),
      mentions.length ? el("section", {}, el("h2", {}, "Where it is named"), el("ul", { class: "evidence" }, mentions)) : null);
  } catch (e) {
    status(e.message, true);
  }
}

/* ------------------------------------------------------------------ wiring */

function legend() {
  $("#legend").replaceChildren(...Object.entries(TYPE_COLOURS).map(([type, colour]) =>
    el("li", {}, el("span", { class: "dot", style: `background:${colour}` }), TYPE_NAMES[type] || type)));
}

function start() {
  if (typeof cytoscape === "undefined") {
    $("#graph-title").textContent = "Cytoscape.js is not installed on the server: run `npm ci` in the repository.";
    return;
  }
  initGraph();
  legend();
  let timer = null;
  $("#search").addEventListener("input", (e) => {
    clearTimeout(timer);
    timer = setTimeout(() => search(e.target.value), 300);
  });
  $("#search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(timer);
    search($("#search").value);
  });
  $("#lang").addEventListener("change", (e) => {
    state.lang = e.target.value;
    history.replaceState(history.state, "", pageUrl(state.centre));
    search($("#search").value);
    if (state.centre) open(state.centre, state.cy.$id(state.centre).data("type"), { push: false });
  });
  window.addEventListener("popstate", (e) => {
    if (e.state && e.state.id) open(e.state.id, null, { push: false });
  });
  const params = new URLSearchParams(location.search);
  const lang = params.get("lang") || "";
  if ([...$("#lang").options].some((o) => o.value === lang)) {
    state.lang = lang;
    $("#lang").value = lang;
  }
  if (params.get("entity")) open(params.get("entity"), null, { push: false });
}

start();
