"""The built docs site, opened in headless Chromium: the home page and the rubric page render offline, the rubric's
sections are there, and the reward plot is an image that actually decoded and is visible."""
import base64, json, os, re, shutil, subprocess, time, urllib.request
from pathlib import Path
import pytest
from qmd_expansion.docs import build_site, network_references

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable") if shutil.which(n)), None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--window-size=1280,900", "--remote-debugging-port=0"]
RUBRIC_SECTIONS = ("Format", "Diversity", "HyDE", "Quality", "Entity", "Think")
PLOT_COLOURS = {"#4c72b0": (76, 114, 176), "#dd8452": (221, 132, 82)}   # the reward notebook's histogram and bars

@pytest.fixture(scope="module")
def site(tmp_path_factory):
    "A site with the reward notebook executed (the others as committed): what the rubric page needs."
    out = tmp_path_factory.mktemp("site") / "_docs"
    report = build_site(out, execute=["00_reward"], log=lambda *a: None)
    assert not report.failed, report.failed
    return out

class Browser:
    "Headless Chromium driven over the DevTools protocol (the websocket-client package jupyter_server brings)."
    def __init__(self, profile):
        self.proc = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline, url = time.time() + 60, None
        while url is None and time.time() < deadline:
            line = self.proc.stderr.readline()
            m = re.search(r"DevTools listening on (ws://\S+)", line)
            if m: url = m.group(1)
            elif not line and self.proc.poll() is not None: break
        assert url, "chromium did not start its DevTools endpoint"
        port = re.search(r":(\d+)/", url).group(1)
        pages = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        import websocket
        self.ws = websocket.create_connection(next(p for p in pages if p["type"] == "page")["webSocketDebuggerUrl"],
                                              timeout=60, suppress_origin=True)
        self.n, self.events = 0, []
        self.call("Page.enable"); self.call("Network.enable")

    def call(self, method, **params):
        self.n += 1
        self.ws.send(json.dumps({"id": self.n, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.n:
                assert "error" not in msg, msg["error"]
                return msg["result"]
            self.events.append(msg)

    def open(self, url):
        self.events.clear()
        self.call("Page.navigate", url=url)
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events): self.events.append(json.loads(self.ws.recv()))
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]

    def js(self, expr):
        return self.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)["result"].get("value")

    def screenshot(self, path):
        "The viewport as a PNG file."
        Path(path).write_bytes(base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"]))
        return path

    def close(self):
        self.ws.close(); self.proc.terminate(); self.proc.wait(10)

@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if CHROMIUM is None: pytest.skip("chromium is not installed (apt-get install -y chromium)")
    b = Browser(tmp_path_factory.mktemp("chromium-profile"))
    yield b
    b.close()

def shots_dir(tmp_path):
    "Screenshots go to QMDX_SCREENSHOTS when set (to look at them), else to the test's temporary directory."
    d = Path(os.environ.get("QMDX_SCREENSHOTS") or tmp_path); d.mkdir(parents=True, exist_ok=True)
    return d

HEADINGS = "[...document.querySelectorAll('main h1, main h2, main h3')].map(h => h.textContent.replace('¶', '').trim())"

def test_site_needs_no_network(site):
    pages = sorted(site.glob("*.html"))
    assert {p.name for p in pages} >= {"index.html", "rubric.html", "api.html", "02_sft.html", "03_eval.html"}
    for p in pages: assert network_references(p.read_text(encoding="utf-8")) == [], p.name

def test_home_page_renders_with_navigation(site, browser, tmp_path):
    requests = browser.open((site / "index.html").as_uri())
    assert all(u.startswith(("file:", "data:")) for u in requests), requests
    assert browser.js("document.title").startswith("Home")
    nav = browser.js("[...document.querySelectorAll('nav.side a')].map(a => [a.textContent, a.getAttribute('href')])")
    links = {href for _, href in nav}
    assert {"index.html", "rubric.html", "02_sft.html", "04_grpo.html", "03_eval.html", "api.html"} <= links
    assert all((site / href).exists() for href in links)
    assert "qmd-expansion" in browser.js(HEADINGS)
    cells = browser.js("[...document.querySelectorAll('main table td:first-child')].map(td => td.textContent.trim())")
    for title in RUBRIC_SECTIONS: assert any(c.startswith(title) for c in cells), title
    shot = browser.screenshot(shots_dir(tmp_path) / "home.png")
    assert shot.stat().st_size > 10_000

def test_rubric_page_shows_sections_and_a_rendered_plot(site, browser, tmp_path):
    from PIL import Image
    requests = browser.open((site / "rubric.html").as_uri())
    assert all(u.startswith(("file:", "data:")) for u in requests), [u for u in requests if not u.startswith(("file:", "data:"))]
    headings = browser.js(HEADINGS)
    for title in RUBRIC_SECTIONS: assert any(h.startswith(title) for h in headings), (title, headings)
    plots = browser.js("""[...document.images].filter(i => i.src.startsWith('data:image/png'))
                          .map(i => [i.id, i.complete, i.naturalWidth, i.naturalHeight, i.getBoundingClientRect().width])""")
    assert plots and all(done and w > 100 and h > 100 and shown > 100 for _, done, w, h, shown in plots), plots
    d = shots_dir(tmp_path)
    browser.screenshot(d / "rubric.png")
    box = browser.js("(() => { const f = document.getElementById('fig-1'); f.scrollIntoView({block: 'center'});"
                     " const r = f.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })()")
    view = Image.open(browser.screenshot(d / "rubric-plot-view.png")).convert("RGB")
    plot = view.crop(tuple(round(v) for v in box))
    plot.save(d / "rubric-plot.png")
    px = [plot.getpixel((x, y)) for x in range(plot.width) for y in range(plot.height)]
    assert plot.width > 300 and plot.height > 100, plot.size
    for name, rgb in PLOT_COLOURS.items():
        n = sum(all(abs(a - b) <= 12 for a, b in zip(p, rgb)) for p in px)
        assert n > 500, f"the plot's {name} is not on screen ({n} pixels)"
