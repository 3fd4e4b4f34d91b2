#!/usr/bin/python3
# The annotator's workbench end to end: a corpus of three articles worked
# through with the keyboard only, checking the .hearsay.json files on disk
# after every step; the shortcuts window; a screenshot for the README.
#
# Copyright 2026 The Hearsay team
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hearsay_gui import App, Tap, make_workdir, read_json, screenshot, wait_for  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
binary = sys.argv[1]
artifacts = sys.argv[2] if len(sys.argv) > 2 else None
tap = Tap()
work = make_workdir("workbench")
corpus = os.path.join(work, "corpus")
shutil.copytree(os.path.join(HERE, "fixtures", "corpus"), corpus)
first = os.path.join(corpus, "01-harbour.hearsay.json")
second = os.path.join(corpus, "02-bridge.hearsay.json")
with open(os.path.join(corpus, "01-harbour.txt"), encoding="utf-8") as f:
    text = f.read()


def doc():
    return read_json(first) or {}


def spans(label=None, status=None):
    return [s for s in doc().get("spans", [])
            if (label is None or s["label"] == label) and (status is None or s["status"] == status)]


def span_over(words, label=None):
    start = text.index(words)
    for s in doc().get("spans", []):
        if s["start"] == start and s["end"] == start + len(words) and (label is None or s["label"] == label):
            return s
    return None


def find(app, words):
    """Select @words with Ctrl+F and return to the article with the selection."""
    app.keys("ctrl+f")
    subprocess.run(["xdotool", "type", "--delay", "30", words], check=True)
    time.sleep(0.4)
    app.keys("Escape")
    time.sleep(0.3)


app = App(binary, [corpus], work, settings={"tagger-enabled": "true", "annotator": "'tester'"})
try:
    tap.ok(app.find_app() is not None, "the app starts on a corpus folder")
    tagged = wait_for(lambda: spans(status="suggested"), timeout=20)
    tap.ok(bool(tagged), "the first document is opened and tagged in the background",
           doc().get("spans"))
    view = app.find("text", "Article")
    tap.ok(view is not None and view.text.startswith("Harbour strike"),
           "the first unfinished document is shown", view.text[:40] if view else None)
    others = wait_for(lambda: read_json(second) and read_json(second).get("spans"), timeout=20)
    tap.ok(bool(others), "the other documents of the corpus are tagged in the background")

    suggested = sorted(spans(status="suggested"), key=lambda s: (s["start"], -s["end"]))
    app.focus()
    if artifacts:
        screenshot(os.path.join(artifacts, "workbench-suggestions.png"))

    # Tab to the first suggestion, Return accepts it.
    app.keys("ctrl+Home", "Tab", "Return")
    target = suggested[0]
    accepted = wait_for(lambda: [s for s in spans(status="accepted") if s["id"] == target["id"]],
                        timeout=3)
    tap.ok(bool(accepted), "Tab then Return accepts the first suggestion on disk", target)
    tap.ok(bool(accepted) and accepted[0].get("annotator") == "tester",
           "the accepted span carries the annotator's name", accepted)

    # Focus moves on to the next suggestion: x rejects it.
    before = {s["id"] for s in spans(status="rejected")}
    app.keys("x")
    rejected = wait_for(lambda: [s for s in spans(status="rejected") if s["id"] not in before],
                        timeout=3)
    tap.ok(len(rejected or []) == 1 and rejected[0]["id"] == suggested[1]["id"],
           "x rejects the next suggestion, kept as rejected on disk", rejected)

    # A new QUOTE and SPEAKER made with the keyboard, then linked with k.
    find(app, "shift rota")
    app.keys("q")
    quote = wait_for(lambda: span_over("shift rota", "QUOTE"), timeout=3)
    tap.ok(quote is not None and quote["origin"] == "manual", "q labels the found words a QUOTE",
           doc().get("spans"))
    find(app, "port authority")
    app.keys("s")
    speaker = wait_for(lambda: span_over("port authority", "SPEAKER"), timeout=3)
    tap.ok(speaker is not None, "s labels other words a SPEAKER", doc().get("spans"))
    find(app, "shift rota")
    app.keys("k", "Return")
    relation = wait_for(lambda: [r for r in doc().get("relations", [])
                                 if quote and speaker and r["from"] == quote["id"]
                                 and r["to"] == speaker["id"]], timeout=3)
    tap.ok(bool(relation) and relation[0]["status"] == "accepted"
           and relation[0].get("annotator") == "tester",
           "k then Return links the quote to the nearest speaker", doc().get("relations"))

    # Change a label, then move its end one word.
    find(app, "Friday")
    app.keys("3")
    tap.ok(wait_for(lambda: span_over("Friday", "LOCATION"), timeout=3) is not None,
           "3 labels a word LOCATION")
    app.keys("1")
    tap.ok(wait_for(lambda: span_over("Friday", "SPEAKER") and not span_over("Friday", "LOCATION"),
                    timeout=3), "pressing another label key changes the label", doc().get("spans"))
    app.keys("alt+shift+Right")
    tap.ok(wait_for(lambda: span_over("Friday after", "SPEAKER"), timeout=3) is not None,
           "Alt+Shift+Right moves the end one word", doc().get("spans"))

    app.keys("ctrl+z")
    tap.ok(wait_for(lambda: span_over("Friday", "SPEAKER"), timeout=3) is not None,
           "Ctrl+Z undoes the move on disk")

    app.keys("ctrl+shift+z")
    tap.ok(wait_for(lambda: span_over("Friday after", "SPEAKER"), timeout=3) is not None,
           "Ctrl+Shift+Z redoes it")

    # Alt with the label key keeps exactly the selected characters.
    find(app, "ontain")
    app.keys("alt+3")
    tap.ok(wait_for(lambda: span_over("ontain", "LOCATION"), timeout=3) is not None
           and span_over("container", "LOCATION") is None,
           "Alt+3 labels exactly the selected characters, without snapping", doc().get("spans"))
    app.keys("ctrl+z")
    tap.ok(wait_for(lambda: span_over("ontain") is None, timeout=3), "and Ctrl+Z takes it back")

    # Another document and back: the undo history is still there.
    app.keys("alt+Right")
    tap.ok(wait_for(lambda: view.text.startswith("New bridge"), timeout=5),
           "Alt+Right shows the next document", view.text[:40])
    app.keys("Page_Down")
    tap.ok(wait_for(lambda: view.text.startswith("Late frost"), timeout=5),
           "Page Down at the end of a short article goes to the next document", view.text[:40])
    app.keys("Page_Up")
    tap.ok(wait_for(lambda: view.text.startswith("New bridge"), timeout=5),
           "Page Up at its start comes back", view.text[:40])
    app.keys("alt+Left")
    tap.ok(wait_for(lambda: view.text.startswith("Harbour strike"), timeout=5),
           "Alt+Left comes back", view.text[:40])
    app.focus()
    app.keys("ctrl+z")
    tap.ok(wait_for(lambda: span_over("Friday", "SPEAKER"), timeout=3) is not None,
           "undo still works after switching documents", doc().get("spans"))

    app.keys("ctrl+d")
    tap.ok(wait_for(lambda: doc().get("done") is True, timeout=3), "Ctrl+D marks the document done")
    tap.ok(wait_for(lambda: any(t.startswith("3 documents") and t.endswith(" 1 done")
                                for t in app.labels()), timeout=3),
           "the document list counts it", [t for t in app.labels() if "documents" in t])
    app.keys("n")
    tap.ok(wait_for(lambda: not view.text.startswith("Harbour strike"), timeout=5),
           "n goes to the next unfinished document", view.text[:40])

    # The shortcuts window lists every shortcut of the one table.
    table = subprocess.run([binary, "--list-shortcuts"], capture_output=True, text=True,
                           env=dict(os.environ, GSETTINGS_BACKEND="memory")).stdout
    titles = [line.split("\t")[2] for line in table.splitlines() if line.count("\t") == 2]
    app.keys("ctrl+question")
    shown = wait_for(lambda: set(titles) <= set(app.labels()), timeout=10)
    missing = sorted(set(titles) - set(app.labels()))
    tap.ok(len(titles) > 30 and shown, f"the shortcuts window lists all {len(titles)} shortcuts",
           missing)
    app.keys("Escape")

    # Export the corpus from the window: Ctrl+E, Return, a file name, Return.
    exported = os.path.join(work, "exported.jsonl")
    before = app.window_ids()
    app.keys("ctrl+e")
    export_window = wait_for(lambda: [w for w in app.window_ids() if w not in before], timeout=10)
    tap.ok(bool(export_window), "Ctrl+E opens the export window")
    if export_window:
        subprocess.run(["xdotool", "windowfocus", "--sync", export_window[-1]], check=False)
        time.sleep(0.5)
        before = app.window_ids()
        app.keys("Return")
        chooser = wait_for(lambda: [w for w in app.window_ids() if w not in before], timeout=10)
        if chooser:
            subprocess.run(["xdotool", "windowfocus", "--sync", chooser[-1]], check=False)
            time.sleep(0.5)
            app.keys("ctrl+a")
            subprocess.run(["xdotool", "type", "--delay", "20", exported], check=True)
            app.keys("Return")
    lines = wait_for(lambda: os.path.exists(exported) and open(exported).read().splitlines(),
                     timeout=15)
    ids = [json.loads(line)["id"] for line in lines or []]
    tap.ok(ids == ["01-harbour", "02-bridge", "03-orchard"],
           "the whole corpus is exported as native JSONL, one line per document", ids)
    first_doc = json.loads(lines[0]) if lines else {}
    tap.ok(all(s["status"] == "accepted" for s in first_doc.get("spans", []))
           and any(s["label"] == "QUOTE" and s["text"] == "shift rota"
                   for s in first_doc.get("spans", [])),
           "the export holds the accepted spans only", first_doc.get("spans"))
    app.keys("Escape")
finally:
    code = app.quit()
tap.ok(code == 0, "the app quits cleanly", code)
final = read_json(first)
tap.ok(final is not None and final.get("done") is True and
       any(r["from"] == quote["id"] for r in final.get("relations", [])),
       "what was done is on disk after quitting")

if tap.failed == 0:
    shutil.rmtree(work, ignore_errors=True)
else:
    print(f"# work folder kept: {work}")
sys.exit(tap.finish())
