// dateline web app behaviour: the as-of slider and the zoomable timeline.
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

function setupTimeline() {
  const svg = document.querySelector("#timeline svg.timeline-chart");
  if (!svg || !svg.dataset.lo) return;
  const lo = Number(svg.dataset.lo), hi = Number(svg.dataset.hi);
  const width = Number(svg.dataset.width), margin = Number(svg.dataset.margin);
  const view = { lo: lo, hi: hi };
  const xOf = (day) => margin + (day - view.lo) / Math.max(view.hi - view.lo, 1) * (width - 2 * margin);

  function layout() {
    svg.querySelectorAll("[data-day]").forEach((el) => {
      const x = xOf(Number(el.dataset.day));
      const hidden = x < margin - 1 || x > width - margin + 1;
      el.style.display = hidden ? "none" : "";
      if (el.tagName === "circle") el.setAttribute("cx", x.toFixed(1));
      else el.setAttribute("transform", "translate(" + (x - Number(el.dataset.x0)).toFixed(1) + ",0)");
    });
  }
  svg.querySelectorAll("g.tick").forEach((g) => {
    g.dataset.x0 = g.querySelector("line").getAttribute("x1");
  });

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

document.addEventListener("DOMContentLoaded", () => {
  setupAsOfSlider();
  setupTimeline();
});
