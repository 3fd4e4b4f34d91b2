#!/usr/bin/python3
# Files in and out of the real window: the Open dialog (Ctrl+O), Save As
# (Ctrl+Shift+S), recent files and window size kept in GSettings, and the
# refusal of empty and binary files.
#
# Copyright 2026 The Hearsay team
# SPDX-License-Identifier: GPL-3.0-or-later

import configparser
import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hearsay_gui import App, Tap, make_workdir, read_json, wait_for  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
binary = sys.argv[1]
tap = Tap()
work = make_workdir("files")
settings_env = None
keyfile = os.path.join(work, "xdg-config", "glib-2.0", "settings", "keyfile")

article = os.path.join(work, "harbour.txt")
shutil.copy(os.path.join(HERE, "fixtures", "harbour.txt"), article)


def use_dialog(app, path, before, save=False):
    """Focus the newest window (the file chooser) and type a path into it."""
    new = wait_for(lambda: [w for w in app.window_ids() if w not in before], timeout=10)
    if not new:
        return False
    subprocess.run(["xdotool", "windowfocus", "--sync", new[-1]], check=False)
    time.sleep(0.5)
    # Open: Ctrl+L shows the location entry; Save: the name entry has the focus.
    app.keys("ctrl+a" if save else "ctrl+l")
    subprocess.run(["xdotool", "type", "--delay", "20", path], check=True)
    time.sleep(0.3)
    app.keys("Return")
    return True


def settings():
    parser = configparser.ConfigParser()
    parser.read(keyfile)
    section = "io/github/hearsay/Hearsay"
    return parser[section] if parser.has_section(section) else {}


# Start on the sample, open the article through the dialog.
app = App(binary, [], work, settings_env)
try:
    app.find_app()
    view = app.find("text", "Article")
    tap.ok(view is not None and "Danube" in view.text, "with no argument the sample article shows",
           view.text[:60] if view else None)
    app.focus()
    before = app.window_ids()
    app.keys("ctrl+o")
    tap.ok(use_dialog(app, article, before), "Ctrl+O shows the Open dialog")
    tap.ok(wait_for(lambda: view.text.startswith("Harbour talks resume"), timeout=10),
           "the article chosen in the dialog replaces the sample", view.text[:60])

    # Label a word, then Save As to a new file.
    app.focus()
    app.keys("ctrl+Home", "Down", "Down", "ctrl+Right", "ctrl+Right", "ctrl+Right",
             "ctrl+shift+Left", "l")
    default_path = os.path.join(work, "harbour.hearsay.json")
    tap.ok(wait_for(lambda: read_json(default_path), timeout=3) is not None,
           "l labels a LOCATION and autosave writes next to the article")
    other = os.path.join(work, "elsewhere", "copy.hearsay.json")
    os.makedirs(os.path.dirname(other))
    before = app.window_ids()
    app.keys("ctrl+shift+s")
    tap.ok(use_dialog(app, other, before, save=True), "Ctrl+Shift+S shows the Save As dialog")
    saved = wait_for(lambda: read_json(other), timeout=5)
    tap.ok(saved is not None and saved["spans"][0]["text"] == "Lisbon",
           "Save As writes the annotations to the chosen file", saved)
    app.focus()
    app.keys("ctrl+z")
    tap.ok(wait_for(lambda: (read_json(other) or {}).get("spans") == [], timeout=3),
           "later changes go to the new file", read_json(other))
    tap.ok(len(read_json(default_path)["spans"]) == 1, "the old file keeps what it had")
finally:
    code = app.quit()
tap.ok(code == 0, "the app quits cleanly", code)

kept = settings()
recent = kept.get("recent-files", "")
tap.ok(article in recent, "the opened article is in recent-files in GSettings", recent)
tap.ok(kept.get("window-width", "").isdigit() and kept.get("window-height", "").isdigit(),
       "the window size is kept in GSettings", dict(kept))

# Import a doccano file from the window into a new folder, which opens as a corpus.
imported = os.path.join(work, "imported")
os.makedirs(imported)
app = App(binary, [], work, settings_env)
try:
    app.find_app()
    main_window = app.focus()
    before = app.window_ids()
    app.keys("ctrl+shift+i")
    tap.ok(use_dialog(app, os.path.join(HERE, "fixtures", "import", "doccano.jsonl"), before),
           "Ctrl+Shift+I asks for the file to import (its format told from the file)")
    # The folder chooser may reuse the file chooser's X window id: wait for
    # the file chooser to go, then take any window but the main one.
    time.sleep(1.0)
    tap.ok(use_dialog(app, imported, [main_window]), "then for the folder to import into")
    files = wait_for(lambda: sorted(os.listdir(imported)) == ["ferry-strike.hearsay.json",
                                                               "market-day.hearsay.json"], timeout=10)
    tap.ok(files, "each imported document is written as its own .hearsay.json", os.listdir(imported))
    ferry = read_json(os.path.join(imported, "ferry-strike.hearsay.json")) or {}
    tap.ok([(s["text"], s["label"]) for s in ferry.get("spans", [])] == [("Bornholm", "LOCATION")],
           "with its spans at the right offsets", ferry)
    view = app.find("text", "Article")
    tap.ok(wait_for(lambda: view.text.startswith("Ferries to Bornholm"), timeout=10),
           "the folder opens as a corpus on its first document", view.text[:40] if view else None)
finally:
    app.quit()

# A corpus that brings its own labels in hearsay-project.json.
custom = os.path.join(work, "custom")
os.makedirs(custom)
shutil.copy(article, os.path.join(custom, "harbour.txt"))
schema = json.load(open(os.path.join(HERE, "..", "..", "data", "default-schema.json")))
schema["labels"].append({"name": "ORGANIZATION", "display_name": "Organisation",
                         "color": "#dc8add", "keys": ["4"]})
with open(os.path.join(custom, "hearsay-project.json"), "w") as f:
    json.dump({"format": "hearsay-project", "version": 1, "schema": schema}, f)
app = App(binary, [custom], work, settings_env)
try:
    app.find_app()
    tap.ok(wait_for(lambda: "4  Organisation" in app.labels(), timeout=10),
           "the legend shows the corpus's own label and key", app.labels())
    app.focus()
    app.keys("ctrl+f")
    subprocess.run(["xdotool", "type", "--delay", "30", "port authority"], check=True)
    time.sleep(0.4)
    app.keys("Escape", "4")
    saved = wait_for(lambda: [s for s in (read_json(os.path.join(custom, "harbour.hearsay.json"))
                                          or {}).get("spans", []) if s["label"] == "ORGANIZATION"],
                     timeout=5)
    tap.ok(bool(saved) and saved[0]["text"] == "port authority",
           "its key labels a span with it, saved on disk", saved)
finally:
    app.quit()

# Empty and binary files are refused with a message; nothing is written.
empty = os.path.join(work, "empty.txt")
open(empty, "w").close()
binary_file = os.path.join(work, "picture.txt")
with open(binary_file, "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
for path, what in ((empty, "empty"), (binary_file, "binary")):
    app = App(binary, [path], work, settings_env)
    try:
        app.find_app()
        name = os.path.basename(path)
        message = wait_for(lambda: [t for t in app.labels() if name in t and len(t) > len(name) + 5],
                           timeout=10)
        tap.ok(bool(message), f"the {what} file is refused with a message naming it",
               message or app.labels())
    finally:
        app.quit()
    stem = os.path.splitext(path)[0]
    tap.ok(not os.path.exists(stem + ".hearsay.json"), f"nothing is written for the {what} file")

if tap.failed == 0:
    shutil.rmtree(work, ignore_errors=True)
else:
    print(f"# work folder kept: {work}")
sys.exit(tap.finish())
