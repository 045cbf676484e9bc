// dateline web app behaviour: the as-of slider, the zoomable timeline, the article's layers.
// Plain JavaScript, no build step; pages work without it.
"use strict";

function setupAsOfSlider() {
  const slider = document.getElementById("as-of-slider");
  const input = document.getElementById("as-of");
  if (!slider || !input) return;
  const dates = slider.dataset.dates.split(",");
  slider.addEventListener("input", () => {
    const i = Number(slider.value);
    input.value = i >= dates.length ? "" : dates[i === 0 ? 0 : i - 1];
  });
  slider.addEventListener("change", () => slider.form.submit());
}

// Axis ticks for a span of day ordinals (Python's date.toordinal()), as svg.py draws them:
// days, weeks, months or years, whichever gives at most MAX_TICKS; the year is named where it changes.
const EPOCH = 719163;  // date(1970, 1, 1).toordinal()
const DAY_MS = 86400000;
const MAX_TICKS = 10;
const TICK_STEPS = [["day", 1], ["day", 2], ["day", 7], ["day", 14], ["month", 1], ["month", 2], ["month", 3],
  ["month", 6], ["year", 1], ["year", 2], ["year", 5], ["year", 10], ["year", 25], ["year", 50]];
const UNIT_DAYS = { day: 1, month: 30.44, year: 365.25 };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ordinal = (y, m, d) => Math.round(Date.UTC(y, m, d) / DAY_MS) + EPOCH;
const dateOf = (day) => new Date((day - EPOCH) * DAY_MS);

function tickDates(lo, hi, unit, step) {
  const start = dateOf(lo), out = [];
  if (unit === "day") {
    let first = lo;
    if (step === 7 || step === 14) first += (7 - (start.getUTCDay() + 6) % 7) % 7;  // Mondays
    else if (step > 1) first += ((-first % step) + step) % step;
    for (let d = first; d <= hi; d += step) out.push(d);
  } else if (unit === "month") {
    let index = start.getUTCFullYear() * 12 + start.getUTCMonth() + (start.getUTCDate() > 1 ? 1 : 0);
    index += ((-index % step) + step) % step;
    for (let d = ordinal(Math.floor(index / 12), index % 12, 1); d <= hi; d = ordinal(Math.floor(index / 12), index % 12, 1)) {
      out.push(d);
      index += step;
    }
  } else {
    let year = start.getUTCFullYear() + (lo > ordinal(start.getUTCFullYear(), 0, 1) ? 1 : 0);
    year += ((-year % step) + step) % step;
    for (let d = ordinal(year, 0, 1); d <= hi; year += step, d = ordinal(year, 0, 1)) out.push(d);
  }
  return out;
}

function tickDays(lo, hi) {
  lo = Math.max(Math.ceil(lo), 1);
  hi = Math.floor(hi);
  const span = hi - lo;
  const [unit, step] = TICK_STEPS.find(([u, s]) => span / (s * UNIT_DAYS[u]) <= MAX_TICKS) || TICK_STEPS[TICK_STEPS.length - 1];
  let lastYear = null;
  return tickDates(lo, hi, unit, step).map((day) => {
    const d = dateOf(day), year = d.getUTCFullYear();
    const yearShown = unit === "year" || year !== lastYear;
    lastYear = year;
    const month = MONTHS[d.getUTCMonth()];
    const label = unit === "day" ? d.getUTCDate() + " " + month + (yearShown ? " " + year : "")
      : unit === "month" ? month + (yearShown ? " " + year : "") : String(year);
    return [day, label];
  });
}

function drawTicks(svg, ticks, xOf) {
  const ns = "http://www.w3.org/2000/svg";
  const base = Number(svg.querySelector("line.axis").getAttribute("y1"));
  svg.querySelectorAll("g.tick").forEach((g) => g.remove());
  let previous = svg.querySelector("line.axis");
  ticks.forEach(([day, label]) => {
    const x = xOf(day).toFixed(1);
    const g = document.createElementNS(ns, "g");
    g.setAttribute("class", "tick");
    g.dataset.day = day;
    const line = document.createElementNS(ns, "line");
    for (const [k, v] of [["x1", x], ["x2", x], ["y1", base], ["y2", base + 5]]) line.setAttribute(k, v);
    const text = document.createElementNS(ns, "text");
    text.setAttribute("x", x);
    text.setAttribute("y", base + 18);
    text.textContent = label;
    g.append(line, text);
    previous.after(g);
    previous = g;
  });
}

function setupTimeline() {
  const svg = document.querySelector("#timeline svg.timeline-chart");
  if (!svg || !svg.dataset.lo) return;
  const lo = Number(svg.dataset.lo), hi = Number(svg.dataset.hi);
  const width = Number(svg.dataset.width), margin = Number(svg.dataset.margin);
  const view = { lo: lo, hi: hi };
  const xOf = (day) => margin + (day - view.lo) / Math.max(view.hi - view.lo, 1) * (width - 2 * margin);

  function layout() {
    svg.querySelectorAll("circle[data-day]").forEach((el) => {
      const x = xOf(Number(el.dataset.day));
      el.style.display = x < margin - 1 || x > width - margin + 1 ? "none" : "";
      el.setAttribute("cx", x.toFixed(1));
    });
    drawTicks(svg, tickDays(view.lo, view.hi), xOf);
  }

  function zoom(factor, centreDay) {
    const span = Math.max((view.hi - view.lo) * factor, 7);
    const centre = centreDay === undefined ? (view.lo + view.hi) / 2 : centreDay;
    const share = (centre - view.lo) / (view.hi - view.lo);
    view.lo = centre - span * share;
    view.hi = view.lo + span;
    layout();
  }
  function dayAt(clientX) {
    const box = svg.getBoundingClientRect();
    const x = (clientX - box.left) / box.width * width;
    return view.lo + (x - margin) / (width - 2 * margin) * (view.hi - view.lo);
  }

  svg.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    zoom(ev.deltaY < 0 ? 0.8 : 1.25, dayAt(ev.clientX));
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (ev) => { drag = { x: ev.clientX, lo: view.lo, hi: view.hi }; });
  window.addEventListener("pointerup", () => { drag = null; });
  svg.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const box = svg.getBoundingClientRect();
    const shift = (ev.clientX - drag.x) / box.width * width / (width - 2 * margin) * (drag.hi - drag.lo);
    view.lo = drag.lo - shift;
    view.hi = drag.hi - shift;
    layout();
  });
  document.querySelectorAll("[data-zoom]").forEach((button) => {
    button.addEventListener("click", () => {
      const action = button.dataset.zoom;
      if (action === "reset") { view.lo = lo; view.hi = hi; layout(); }
      else zoom(action === "in" ? 0.5 : 2);
    });
  });
  svg.querySelectorAll("circle.entry").forEach((dot) => {
    const select = () => {
      document.querySelectorAll(".selected").forEach((el) => el.classList.remove("selected"));
      dot.classList.add("selected");
      const item = document.getElementById("entry-" + dot.dataset.entry);
      if (item) { item.classList.add("selected"); item.scrollIntoView({ block: "nearest" }); }
    };
    dot.addEventListener("click", select);
    dot.addEventListener("keydown", (ev) => { if (ev.key === "Enter") select(); });
  });
}

// The article page: each checkbox shows or hides one annotation layer's marks, and the
// choice is remembered for the next article.
function setupLayers() {
  const text = document.getElementById("article-text");
  if (!text) return;
  let saved = {};
  try { saved = JSON.parse(localStorage.getItem("dateline.layers") || "{}"); } catch (e) { saved = {}; }
  document.querySelectorAll("#layers input[data-layer]").forEach((box) => {
    const layer = box.dataset.layer;
    if (typeof saved[layer] === "boolean") box.checked = saved[layer];
    const apply = () => text.classList.toggle("show-" + layer, box.checked);
    apply();
    box.addEventListener("change", () => {
      apply();
      saved[layer] = box.checked;
      try { localStorage.setItem("dateline.layers", JSON.stringify(saved)); } catch (e) { /* private mode */ }
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  setupAsOfSlider();
  setupTimeline();
  setupLayers();
});
