#!/usr/bin/python3
# The foundation, end to end through the real window: label a word with the
# keyboard, check the .hearsay.json on disk, undo, redo, remove, reopen, and
# see broken files refused with a visible message.
#
# Copyright 2026 The Hearsay team
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hearsay_gui import App, Tap, make_workdir, read_json, screenshot, wait_for  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
binary = sys.argv[1]
artifacts = sys.argv[2] if len(sys.argv) > 2 else None
tap = Tap()
work = make_workdir("foundation")

article = os.path.join(work, "harbour.txt")
shutil.copy(os.path.join(HERE, "fixtures", "harbour.txt"), article)
annotations = os.path.join(work, "harbour.hearsay.json")
with open(article, encoding="utf-8") as f:
    text = f.read()
start = text.index("Lisbon")          # Python indexes code points, as Hearsay does
end = start + len("Lisbon")


def spans_on_disk():
    doc = read_json(annotations)
    return None if doc is None else doc.get("spans")


app = App(binary, [article], work)
try:
    tap.ok(app.find_app() is not None, "the app appears in the accessibility tree")
    view = app.find("text", "Article")
    tap.ok(view is not None, "the article view is in the accessibility tree")
    tap.ok(view is not None and view.text.startswith("Harbour talks resume"),
           "the view shows the article text", view.text[:80] if view else None)
    tap.ok(not os.path.exists(annotations), "opening alone writes no annotation file")

    app.focus()
    # Line 3 starts "Officials in Lisbon": go there, jump over two words,
    # select the third word backwards.
    app.keys("ctrl+Home", "Down", "Down", "ctrl+Right", "ctrl+Right", "ctrl+Right",
             "ctrl+shift+Left", "3")

    spans = wait_for(lambda: spans_on_disk(), timeout=3)
    tap.ok(spans is not None and len(spans) == 1, "pressing 3 saves one span within a second",
           spans)
    if spans:
        span = spans[0]
        tap.ok(span.get("label") == "LOCATION", "the span is a LOCATION", span)
        tap.ok((span.get("start"), span.get("end")) == (start, end),
               f"its offsets are code points after the emoji ({start}, {end})", span)
        tap.ok(span.get("text") == "Lisbon" == text[span["start"]:span["end"]],
               "its text slices the article the way Python does", span)
        tap.ok(span.get("status") == "accepted" and span.get("origin") == "manual",
               "a manual span is accepted", span)
    doc = read_json(annotations)
    tap.ok(doc is not None and doc.get("format") == "hearsay" and doc.get("version") == 1
           and doc.get("text") == text, "the file is a native document holding the article text")
    tap.ok(doc is not None and doc.get("meta", {}).get("sha256")
           == hashlib.sha256(text.encode("utf-8")).hexdigest(), "meta.sha256 is the text's hash")
    tap.ok(not [n for n in os.listdir(work) if n.startswith("harbour.hearsay.json.")],
           "no temporary file is left next to it")

    app.keys("ctrl+z")
    spans = wait_for(lambda: spans_on_disk() == [], timeout=3)
    tap.ok(spans is True, "Ctrl+Z removes the span from disk too", spans_on_disk())

    app.keys("ctrl+shift+z")
    spans = wait_for(lambda: (spans_on_disk() or [None])[0], timeout=3)
    tap.ok(spans is not None and spans.get("start") == start, "Ctrl+Shift+Z brings it back",
           spans_on_disk())

    # The selection is still on the word: Delete removes the span there.
    app.keys("Delete")
    tap.ok(wait_for(lambda: spans_on_disk() == [], timeout=3), "Delete removes the span",
           spans_on_disk())

    # Label two nested spans, then quit and reopen: the same spans come back.
    app.keys("ctrl+z")
    wait_for(lambda: spans_on_disk() and len(spans_on_disk()) == 1, timeout=3)
    app.keys("End", "shift+Home", "2")
    tap.ok(wait_for(lambda: spans_on_disk() and len(spans_on_disk()) == 2, timeout=3),
           "a QUOTE over the whole line nests around the LOCATION", spans_on_disk())
    if artifacts:
        screenshot(os.path.join(artifacts, "foundation-window.png"))
    before = spans_on_disk()
finally:
    code = app.quit()
tap.ok(code == 0, "Ctrl+Q quits cleanly", code)
tap.ok(spans_on_disk() == before, "quitting leaves the saved spans as they were")

app = App(binary, [annotations], work)
try:
    app.find_app()
    tap.ok(wait_for(lambda: "2 spans" in app.labels(), timeout=10),
           "reopening the .hearsay.json shows the same two spans", app.labels())
finally:
    app.quit()

app = App(binary, [article], work)
try:
    app.find_app()
    tap.ok(wait_for(lambda: "2 spans" in app.labels(), timeout=10),
           "reopening the article finds its annotations next to it", app.labels())
finally:
    app.quit()

# Broken input: a visible message in the window, the file left untouched.
broken = os.path.join(work, "broken.hearsay.json")
shutil.copy(os.path.join(HERE, "fixtures", "broken.hearsay.json"), broken)
with open(broken, "rb") as f:
    broken_bytes = f.read()
app = App(binary, [broken], work)
try:
    app.find_app()
    message = wait_for(lambda: [t for t in app.labels() if "broken.hearsay.json" in t],
                       timeout=10)
    tap.ok(bool(message), "a broken annotation file is reported in the window", app.labels())
    tap.ok(bool(message) and any(":4:" in m for m in message),
           "the message names the line of the bad span", message)
finally:
    app.quit()
with open(broken, "rb") as f:
    tap.ok(f.read() == broken_bytes, "the broken file is never overwritten")

bad_text = os.path.join(work, "latin1.txt")
with open(bad_text, "wb") as f:
    f.write("Caf\u00e9 in Porto\n".encode("latin-1"))
app = App(binary, [bad_text], work)
try:
    app.find_app()
    message = wait_for(lambda: [t for t in app.labels() if "latin1.txt" in t], timeout=10)
    tap.ok(bool(message) and "byte offset 3" in message[0],
           "invalid UTF-8 is refused with its byte offset",
           message or app.labels())
finally:
    app.quit()
tap.ok(not os.path.exists(os.path.join(work, "latin1.hearsay.json")),
       "nothing is written for a refused article")

if tap.failed == 0:
    shutil.rmtree(work, ignore_errors=True)
else:
    print(f"# work folder kept: {work}")
sys.exit(tap.finish())
