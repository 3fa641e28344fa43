"""Open an HTML report in headless Chromium (Debian's `chromium`, driven by Playwright) and screenshot it.

    python -m tools.screenshot docs/report-screenshot.png [--lang zh] [--docs ../shared/seeds]
        [--show-passes] [--element '#plan-cq-dazu'] [--pick cq-dazu]

renders the bundled plans' HTML report (with `--show-passes`, listing the comparisons that held) and saves
a screenshot of it, or of one element of it (with `--pick`, after picking a plan, as a reviewer would). The tests use `browser()` to open reports the same way.
Playwright is a development dependency; its own browser download is not used.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from planlint.errors import PlanlintError

CHROMIUM = Path("/usr/bin/chromium")
MARGIN = 12  # pixels around an element's screenshot (a heading's right-aligned counts sit on its edge)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def unavailable(executable: Path = CHROMIUM) -> str | None:
    """Why the browser cannot be used here, or None when it can be launched."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[dev]')"
    if not executable.exists():
        return f"{executable} is missing (apt-get install chromium, or `make browser`)"
    return None


@contextmanager
def browser(executable: Path = CHROMIUM, width: int = 1200, height: int = 900) -> Iterator[Any]:
    """A fresh page in a headless Chromium with its own throw-away profile; raises PlanlintError if it
    cannot start."""
    reason = unavailable(executable)
    if reason:
        raise PlanlintError(reason, zh=f"无法使用 Chromium：{reason}")  # a developer's tool: the detail stays
    from playwright.sync_api import Error, sync_playwright

    with tempfile.TemporaryDirectory(prefix="planlint-chromium-") as profile, sync_playwright() as driver:
        try:
            context = driver.chromium.launch_persistent_context(
                profile,
                executable_path=str(executable),
                headless=True,
                args=CHROMIUM_ARGS,
                viewport={"width": width, "height": height},
                device_scale_factor=1,
                offline=True,
            )
        except Error as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise PlanlintError(
                f"{executable} cannot start: {first}", zh=f"{executable} 无法启动：{first}"
            ) from None
        try:
            page = context.pages[0] if context.pages else context.new_page()
            yield page
        finally:
            context.close()


def screenshot(
    html: Path, png: Path, height: int | None = None, element: str | None = None, pick: str | None = None
) -> Path:
    """Open `html` (a file) and save a screenshot to `png`: the whole page, or the element `element` (a CSS
    selector) alone; with `height`, only its top `height` pixels; with `pick`, once that plan is picked."""
    with browser(height=height or 900) as page:
        page.goto(html.resolve().as_uri())
        page.wait_for_selector("#summary")
        if pick is not None:
            page.select_option("#plan-filter", pick)
        png.parent.mkdir(parents=True, exist_ok=True)
        if element is not None:
            box = page.locator(element).bounding_box()
            tall = min(box["height"], height) if height else box["height"]
            clip = {"x": box["x"] - MARGIN, "y": box["y"] - MARGIN}
            clip |= {"width": box["width"] + 2 * MARGIN, "height": tall + 2 * MARGIN}
            page.screenshot(path=str(png), full_page=True, clip=clip)
        else:
            page.screenshot(path=str(png), full_page=height is None)
    return png


def main(argv: list[str] | None = None) -> int:
    from planlint import api
    from planlint.report import Options, render

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("png", type=Path)
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument("--docs", type=Path, default=None)
    parser.add_argument("--height", type=int, default=None, help="Only the top of the page (default: all).")
    parser.add_argument("--element", default=None, help="Only this element (a CSS selector).")
    parser.add_argument("--show-passes", action="store_true", help="Also list the comparisons that held.")
    parser.add_argument("--pick", default=None, help="Pick this plan in the page first (a plan id).")
    args = parser.parse_args(argv)
    report = api.check(api.load(), passes=args.show_passes)
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "report.html"
        page.write_text(render("html", report, Options(lang=args.lang, docs=args.docs)), encoding="utf-8")
        screenshot(page, args.png, args.height, args.element, args.pick)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
