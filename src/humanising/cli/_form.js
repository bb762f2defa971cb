"use strict";
const QUESTIONS = JSON.parse(document.getElementById("questions").textContent);
const SECTIONS = Object.fromEntries(QUESTIONS.sections.map((s) => [s.key, s]));
const SLUG = /^[a-z0-9][a-z0-9_-]*$/;
const state = {
  initiative: {id: "", name: "", summary: "", place: "", period: "", source: ""},
  stakeholders: [], held: {stages: []}, stages: {}, products: [], relationships: [],
  features: {known: "no", items: []},
};

function q(section, key) { return SECTIONS[section].questions.find((item) => item.key === key); }
function meaning(section, key, value) {
  const found = q(section, key).options.find((option) => option.value === value);
  return found ? found.meaning : "";
}
function el(tag, properties, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(properties || {})) {
    if (name === "text") element.textContent = value;
    else if (name === "dataset") Object.assign(element.dataset, value);
    else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element[name] = value;
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

function textField(question, record, path, structural) {
  const id = "field-" + path.replace(/[^a-z0-9]/gi, "-");
  const input = el("input", {type: "text", id, value: record[question.key] || "", dataset: {path}});
  input.addEventListener("input", () => { record[question.key] = input.value; });
  if (structural) input.addEventListener("change", render);
  const label = question.required ? question.ask : question.ask + " (optional)";
  return el("div", {}, el("label", {className: "field", htmlFor: id, text: label}), input);
}

function choiceField(question, record, path, options, structural) {
  const id = "field-" + path.replace(/[^a-z0-9]/gi, "-");
  const select = el("select", {id, dataset: {path}});
  for (const option of options) select.append(el("option", {value: option.value, text: option.value, title: option.meaning}));
  if (!options.some((option) => option.value === record[question.key])) record[question.key] = options.length ? options[0].value : "";
  select.value = record[question.key];
  const note = el("p", {className: "meaning", text: meaning_of(options, select.value)});
  select.addEventListener("change", () => {
    record[question.key] = select.value;
    note.textContent = meaning_of(options, select.value);
    if (structural) render();
  });
  return el("div", {}, el("label", {className: "field", htmlFor: id, text: question.ask}), select, note);
}
function meaning_of(options, value) {
  const found = options.find((option) => option.value === value);
  return found ? found.meaning : "";
}

function choicesField(question, record, path, structural) {
  const chosen = new Set(record[question.key] || []);
  const box = el("div", {className: "options", dataset: {path}});
  for (const option of question.options) {
    const input = el("input", {type: "checkbox", value: option.value, checked: chosen.has(option.value)});
    input.addEventListener("change", () => {
      if (input.checked) chosen.add(option.value); else chosen.delete(option.value);
      record[question.key] = question.options.map((o) => o.value).filter((value) => chosen.has(value));
      if (structural) render();
    });
    box.append(el("label", {}, input, " " + option.value, el("small", {text: option.meaning})));
  }
  const label = question.required ? question.ask : question.ask + " (optional)";
  return el("fieldset", {}, el("legend", {text: label}), box);
}

function field(section, question, record, path, structural) {
  if (question.kind === "choices") return choicesField(question, record, path, structural);
  if (question.kind === "choice") return choiceField(question, record, path, question.options, structural);
  return textField(question, record, path, structural);
}

function part(section, ...children) {
  return el("section", {className: "part", id: "part-" + section.key},
    el("h2", {text: section.title}), el("p", {className: "intro", text: section.intro}), ...children);
}

function records(section, list, build, blank) {
  const children = list.map((record, index) => el("fieldset", {dataset: {record: section.key + "." + index}},
    el("legend", {text: section.repeated.replace(/^an? /, "") + " " + (index + 1)}),
    ...build(record, index),
    el("button", {type: "button", text: "Remove", onclick: () => { list.splice(index, 1); render(); }})));
  children.push(el("button", {type: "button", text: "Add " + section.repeated, dataset: {add: section.key},
    onclick: () => { list.push(blank()); render(); }}));
  return children;
}

function fixed(section, record, path, structuralKeys) {
  return section.questions.map((question) =>
    field(section, question, record, path + "." + question.key, structuralKeys.includes(question.key)));
}

function stagesPart() {
  const section = SECTIONS.stages;
  const children = [choicesField(q("stages", "stages"), state.held, "stages", true)];
  for (const stage of state.held.stages) {
    const answer = state.stages[stage] || (state.stages[stage] = {said: "yes", participants: {}});
    const box = el("fieldset", {dataset: {stage}}, el("legend", {text: "The " + stage.replace(/_/g, " ") + " stage"}),
      choiceField(q("stages", "said"), answer, "stage." + stage + ".said", q("stages", "said").options, true));
    if (answer.said === "yes") {
      const table = el("table", {}, el("tr", {}, el("th", {text: "Stakeholder"}),
        el("th", {text: q("stages", "involvement").ask}), el("th", {text: q("stages", "capacity").ask})));
      for (const stakeholder of state.stakeholders) {
        const row = answer.participants[stakeholder.id] || (answer.participants[stakeholder.id] = {involvement: "absent"});
        const path = "stage." + stage + "." + stakeholder.id;
        const identities = q("stages", "capacity").options.filter((o) => (stakeholder.identities || []).includes(o.value));
        table.append(el("tr", {},
          el("td", {text: stakeholder.name + " (" + stakeholder.id + ")"}),
          el("td", {}, choiceField(q("stages", "involvement"), row, path + ".involvement", q("stages", "involvement").options, false)),
          el("td", {}, identities.length > 1
            ? choiceField(q("stages", "capacity"), row, path + ".capacity", identities, false)
            : el("span", {text: identities.length ? (row.capacity = identities[0].value) : "(no identity yet)"}))));
      }
      box.append(table);
    }
    children.push(box);
  }
  return part(section, ...children);
}

function relationshipsPart() {
  const section = SECTIONS.relationships;
  const everyone = state.stakeholders.map((s) => ({value: s.id, meaning: s.name}));
  return part(section, ...records(section, state.relationships, (record, index) => {
    const path = "relationships." + index;
    return [
      choiceField(q("relationships", "first"), record, path + ".first", everyone, true),
      choiceField(q("relationships", "second"), record, path + ".second",
        everyone.filter((o) => o.value !== record.first), false),
      ...["aspect", "change", "claim"].map((key) => field(section, q("relationships", key), record, path + "." + key, false)),
    ];
  }, () => ({})));
}

function featuresPart() {
  const section = SECTIONS.features;
  const children = [choiceField(q("features", "known"), state.features, "features.known", q("features", "known").options, true)];
  if (state.features.known === "yes") {
    children.push(...records(section, state.features.items, (record, index) => [
      field(section, q("features", "kind"), record, "features." + index + ".kind", false),
      field(section, q("features", "description"), record, "features." + index + ".description", false),
    ], () => ({kind: "", description: ""})));
  }
  return part(section, ...children);
}

function render() {
  const form = document.getElementById("form");
  const scroll = window.scrollY;
  form.replaceChildren(
    part(SECTIONS.initiative, ...fixed(SECTIONS.initiative, state.initiative, "initiative", [])),
    part(SECTIONS.stakeholders, ...records(SECTIONS.stakeholders, state.stakeholders,
      (record, index) => fixed(SECTIONS.stakeholders, record, "stakeholders." + index, ["id", "name", "identities"]),
      () => ({id: "", name: "", identities: [], roles: []}))),
    stagesPart(),
    part(SECTIONS.products, ...records(SECTIONS.products, state.products,
      (record, index) => fixed(SECTIONS.products, record, "products." + index, []),
      () => ({id: "", name: "", stages: []}))),
    relationshipsPart(),
    featuresPart(),
  );
  window.scrollTo(0, scroll);
}

function answers() {
  return {
    initiative: state.initiative,
    stakeholders: state.stakeholders,
    stages: state.held.stages.map((stage) => ({
      stage, said: state.stages[stage].said,
      participants: state.stakeholders.map((s) => Object.assign({stakeholder: s.id},
        state.stages[stage].participants[s.id] || {involvement: "absent"})),
    })),
    products: state.products,
    relationships: state.relationships,
    features: state.features,
  };
}

function problems(given) {
  const found = [];
  const need = (value, what) => { if (!String(value || "").trim()) found.push(what + ": an answer is needed"); };
  const slug = (value, what) => { if (!SLUG.test(value || "")) found.push(what + ": an id is lower-case letters, digits, '-' or '_', starting with a letter or digit"); };
  slug(given.initiative.id, "The initiative's id");
  need(given.initiative.name, "The initiative's name");
  const ids = new Set();
  given.stakeholders.forEach((s, i) => {
    const what = "Stakeholder " + (i + 1);
    slug(s.id, what + "'s id");
    if (ids.has(s.id)) found.push(what + ": the id " + JSON.stringify(s.id) + " is taken");
    ids.add(s.id);
    need(s.name, what + "'s name");
    if (!s.identities.length) found.push(what + ": choose one or more identities");
  });
  const made = new Set();
  given.products.forEach((p, i) => {
    slug(p.id, "Product " + (i + 1) + "'s id");
    if (made.has(p.id)) found.push("Product " + (i + 1) + ": the id " + JSON.stringify(p.id) + " is taken");
    made.add(p.id);
    need(p.name, "Product " + (i + 1) + "'s name");
  });
  given.relationships.forEach((r, i) => {
    if (!r.first || !r.second || r.first === r.second) found.push("Relationship " + (i + 1) + ": choose two stakeholders");
  });
  if (given.features.known === "yes") given.features.items.forEach((f, i) => need(f.description, "Feature " + (i + 1) + "'s description"));
  for (const stage of given.stages) for (const p of stage.participants) {
    if (stage.said === "yes" && p.involvement !== "absent" && !p.capacity) found.push("At " + stage.stage + ", " + p.stakeholder + ": choose an identity first");
  }
  return found;
}

// A port of humanising._casefiles._questions.case_file; the tests hold the two to the same text.
const BREAKS = new Set([0x85, 0x2028, 0x2029, 0xfeff, 0xfffe, 0xffff]);
function quoted(text) {
  let out = "";
  for (const character of JSON.stringify(text).slice(1, -1)) {
    const code = character.codePointAt(0);
    out += (code >= 0x7f && code <= 0x9f) || BREAKS.has(code) ? "\\u" + code.toString(16).padStart(4, "0") : character;
  }
  return '"' + out + '"';
}
function chosen(section, key, value, name) {
  const text = meaning(section, key, value);
  return (name || key) + ": " + value + (text ? "  # " + text : "");
}
function flow(values) { return "[" + values.join(", ") + "]"; }

function caseFile(given) {
  const about = given.initiative;
  const out = [
    "# A humanising case file, written from the answers to the questions of `humanising new --interactive`\n",
    "# (or the page of `humanising form`). Check it with `humanising validate FILE`, read its verdicts\n",
    "# with `humanising explain FILE`, and add what the questions do not ask (`humanising new` writes\n",
    "# a template with every field).\n",
    "format: 2\n", "id: " + quoted(about.id || "") + "\n", "name: " + quoted(about.name || "") + "\n",
  ];
  for (const key of ["summary", "place", "period"]) if (about[key]) out.push(key + ": " + quoted(about[key]) + "\n");
  if (about.source) out.push("sources:\n  - citation: " + quoted(about.source) + "\n");
  out.push("# " + SECTIONS.stakeholders.intro + "\n");
  out.push(given.stakeholders.length ? "stakeholders:\n" : "stakeholders: []\n");
  for (const s of given.stakeholders) {
    out.push("  - id: " + quoted(s.id) + "\n    name: " + quoted(s.name) + "\n");
    for (const key of ["identities", "roles"]) {
      const values = s[key] || [];
      if (values.length || key === "identities") {
        for (const value of values) out.push("    # " + value + ": " + meaning("stakeholders", key, value) + "\n");
        out.push("    " + key + ": " + flow(values) + "\n");
      }
    }
  }
  out.push("# For each stage, who took part and how much say they had.\n");
  const rows = [];
  for (const stage of given.stages) if (stage.said === "yes") {
    for (const p of stage.participants) if (p.involvement !== "absent") rows.push([stage, p]);
  }
  out.push(rows.length ? "participations:\n" : "participations: []\n");
  for (const [stage, p] of rows) {
    out.push("  - stakeholder: " + quoted(p.stakeholder) + "\n",
      "    " + chosen("stages", "stages", stage.stage, "stage") + "\n",
      "    " + chosen("stages", "involvement", p.involvement) + "\n",
      "    " + chosen("stages", "capacity", p.capacity) + "\n");
  }
  const silent = given.stages.filter((stage) => stage.said !== "yes").map((stage) => stage.stage);
  out.push("# Stages that took place, where the sources do not say who took part.\n");
  out.push("silent_stages: " + flow(silent) + "\n");
  out.push("# " + SECTIONS.products.intro + "\n");
  out.push(given.products.length ? "products:\n" : "products: []\n");
  for (const p of given.products) {
    out.push("  - id: " + quoted(p.id) + "\n    name: " + quoted(p.name) + "\n",
      "    " + chosen("products", "kind", p.kind) + "\n",
      "    " + chosen("products", "domain", p.domain) + "\n",
      "    stages: " + flow(p.stages || []) + "\n");
  }
  out.push("# " + SECTIONS.relationships.intro + "\n");
  out.push(given.relationships.length ? "relationships:\n" : "relationships: []\n");
  for (const r of given.relationships) {
    out.push("  - between: " + flow([quoted(r.first), quoted(r.second)]) + "\n");
    for (const key of ["aspect", "change", "claim"]) out.push("    " + chosen("relationships", key, r[key]) + "\n");
  }
  out.push("# " + SECTIONS.features.intro + "\n");
  if (given.features.known !== "yes") out.push("humanising_features: unknown\n");
  else {
    const items = given.features.items;
    out.push(items.length ? "humanising_features:\n" : "humanising_features: []\n");
    for (const item of items) {
      out.push("  - " + chosen("features", "kind", item.kind) + "\n");
      out.push("    description: " + quoted(item.description) + "\n");
    }
  }
  return out.join("");
}

let downloadUrl = null;
function write() {
  const given = answers();
  const found = problems(given);
  const list = document.getElementById("problems");
  list.replaceChildren(...found.map((text) => el("li", {text})));
  const link = document.getElementById("download");
  const preview = document.getElementById("case-file");
  if (found.length) { preview.textContent = ""; link.hidden = true; return; }
  const text = caseFile(given);
  preview.textContent = text;
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = URL.createObjectURL(new Blob([text], {type: "application/yaml"}));
  link.href = downloadUrl;
  link.download = (given.initiative.id || "case") + ".yaml";
  link.hidden = false;
}
async function copy() {
  const text = document.getElementById("case-file").textContent;
  const status = document.getElementById("copied");
  try { await navigator.clipboard.writeText(text); status.textContent = "Copied."; }
  catch (error) {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById("case-file"));
    getSelection().removeAllRanges(); getSelection().addRange(range);
    status.textContent = "Selected: copy it with Ctrl+C (or Cmd+C).";
  }
}
document.getElementById("form").addEventListener("submit", (event) => event.preventDefault());
document.getElementById("write").addEventListener("click", write);
document.getElementById("copy").addEventListener("click", copy);
render();
