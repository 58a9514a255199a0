// Checks run in a page the HTML writer made, by tests/writers/test_html_browser.py.
// Each returns plain data (JSON) about what a reader would see.
(() => {
  const TOLERANCE = 1;  // CSS pixels two boxes may share (adjacent cells share an edge)

  function overflow() {
    // Elements whose box reaches past the window's right edge, and the page's own width.
    const width = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.querySelectorAll("main *")) {
      const r = el.getBoundingClientRect();
      if (r.width && r.right > width + TOLERANCE) wide.push(describe(el) + " right=" + r.right);
    }
    // Text that spills out of its own box (a value too long for its panel)
    const spilt = [...document.querySelectorAll("p,h1,h2,h3,h4,h5,h6,dt,dd,th,td,caption,li")]
      .filter((el) => el.scrollWidth > el.clientWidth + TOLERANCE && !hidden(el) &&
              getComputedStyle(el).display !== "inline").map(describe);
    const scrolled = [...document.querySelectorAll(".table-wrap")]
      .filter((el) => el.scrollWidth > el.clientWidth + TOLERANCE).map(describe);
    return {page: document.documentElement.scrollWidth, width, wide: wide.slice(0, 10),
            scrolled, spilt: spilt.slice(0, 10)};
  }

  function hidden(el) {
    // Text for screen readers only, clipped to a pixel on purpose.
    return el.closest(".visually-hidden") !== null;
  }

  function describe(el) {
    const text = (el.textContent || "").trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}.${el.getAttribute("class") || ""} “${text}”`;
  }

  const BOXES = "h1,h2,h3,h4,h5,h6,p,li>a,dt,dd,th,td,caption,figcaption,summary," +
    "svg text,svg rect,svg";

  function overlaps() {
    // Pairs of boxes that overlap where neither holds the other.
    const items = [...document.querySelectorAll(BOXES)]
      .map((el) => [el, el.getBoundingClientRect()])
      .filter(([el, r]) => r.width > 0 && r.height > 0 && !hidden(el) &&
              el.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true}))
      .sort((a, b) => a[1].top - b[1].top);
    const found = [];
    for (let i = 0; i < items.length; i++) {
      const [a, ra] = items[i];
      for (let j = i + 1; j < items.length; j++) {
        const [b, rb] = items[j];
        if (rb.top >= ra.bottom - TOLERANCE) break;
        if (a.contains(b) || b.contains(a)) continue;
        const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (x > TOLERANCE && y > TOLERANCE) found.push(describe(a) + " × " + describe(b));
      }
    }
    return found.slice(0, 10);
  }

  function brokenUnits() {
    // Numbers kept with their units whose text the browser set on more than one line.
    const broken = [];
    let count = 0;
    for (const el of document.querySelectorAll(".n, td.short, th.short")) {
      if (!el.textContent.trim()) continue;
      count++;
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0)
        .map((r) => Math.round(r.top + r.height / 2)));
      // Lines of one element differ in their middles by more than half a line.
      const sorted = [...tops].sort((a, b) => a - b);
      const height = parseFloat(getComputedStyle(el).fontSize);
      if (sorted.length && sorted[sorted.length - 1] - sorted[0] > height * 0.6)
        broken.push(describe(el));
    }
    return {count, broken: broken.slice(0, 10)};
  }

  function outline() {
    // The heading levels in order.
    return [...document.querySelectorAll("h1,h2,h3,h4,h5,h6")].map((h) => +h.tagName[1]);
  }

  return {overflow, overlaps, brokenUnits, outline,
          text: () => document.body.innerText};
})()
