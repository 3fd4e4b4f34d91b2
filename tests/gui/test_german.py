#!/usr/bin/python3
# The app in German: start the real window with LANGUAGE=de and the German
# translation compiled from po/de.po, and find German text through the
# accessibility tree — the legend, the Open button, the article view's name,
# the tooltips' sources — and in the shortcuts window (Ctrl+?).
#
# Usage: test_german.py HEARSAY_BINARY PO_FILE
#
# Copyright 2026 The Hearsay team
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hearsay_gui import App, Tap, make_workdir, wait_for  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
binary = sys.argv[1]
po_file = sys.argv[2]
tap = Tap()
work = make_workdir("german")

# The translation as the build would install it, in a private locale tree that
# main.c is pointed at with HEARSAY_LOCALEDIR.
localedir = os.path.join(work, "locale")
mo_dir = os.path.join(localedir, "de", "LC_MESSAGES")
os.makedirs(mo_dir)
subprocess.run(["msgfmt", "--check", "-o", os.path.join(mo_dir, "hearsay.mo"), po_file],
               check=True)

# LANGUAGE is ignored by gettext under the plain "C" locale, not under C.UTF-8
# (always present with glibc >= 2.35); de_DE.UTF-8 is used when it is generated.
locales = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
lc_all = next((loc for loc in locales if loc.lower() in ("de_de.utf8", "de_de.utf-8")),
              "C.UTF-8")
german = {"LANGUAGE": "de", "LC_ALL": lc_all, "HEARSAY_LOCALEDIR": localedir}

article = os.path.join(work, "harbour.txt")
shutil.copy(os.path.join(HERE, "fixtures", "harbour.txt"), article)

# The shortcuts as the app itself lists them, in German.
table = subprocess.run([binary, "--list-shortcuts"], capture_output=True, text=True,
                       env=dict(os.environ, GSETTINGS_BACKEND="memory", **german)).stdout
titles = [line.split("\t")[2] for line in table.splitlines() if line.count("\t") == 2]
tap.ok("Den ausgewählten Vorschlag annehmen" in titles,
       "--list-shortcuts prints the German shortcut titles", titles[:5])

app = App(binary, [article], work, env_extra=german)
try:
    tap.ok(app.find_app() is not None, "the app appears in the accessibility tree")
    view = app.find("text", "Artikel")
    tap.ok(view is not None and view.text.startswith("Harbour talks resume"),
           "the article view is named “Artikel” and shows the (English) article",
           view.text[:40] if view else None)

    legend = wait_for(lambda: [t for t in app.labels() if t and t.endswith("Sprecher")],
                      timeout=10)
    tap.ok(bool(legend), "the legend names the SPEAKER label “Sprecher”",
           [t for t in app.labels() if t][:20])
    tap.ok(wait_for(lambda: any(t and t.endswith("Zitat") for t in app.labels())
                    and any(t and t.endswith("Ort") for t in app.labels()), timeout=5),
           "the legend names “Zitat” and “Ort”")
    tap.ok(not any(t and t.endswith("Speaker") for t in app.labels()),
           "no English label name is left in the legend")

    # GTK 4.8 names a button with a mnemonic "_Öffnen Öffnen" (the label with
    # and without its underline); its label child is "Öffnen".
    def open_button():
        try:
            found = app.node.findChildren(GenericPredicate(roleName="push button"))
            return [b for b in found
                    if b.name.endswith("Öffnen") and any(c.name == "Öffnen" for c in b.children)]
        except Exception:
            return None

    button = wait_for(open_button, timeout=10)
    tap.ok(bool(button), "the header bar has the button “Öffnen”")

    # The shortcuts window: group titles and shortcut titles in German.
    app.focus()
    app.keys("ctrl+question")
    groups = ["Dateien", "Korpus", "Vorschläge", "Bereiche", "Zuschreibung", "Bearbeiten",
              "Allgemein", "Beschriftungen"]
    shown = wait_for(lambda: set(groups) <= set(app.labels()), timeout=10)
    tap.ok(shown, "the shortcuts window shows the German group titles",
           sorted(set(groups) - set(app.labels())))
    shown = wait_for(lambda: set(titles) <= set(app.labels()), timeout=5)
    tap.ok(len(titles) > 30 and shown,
           f"the shortcuts window lists all {len(titles)} shortcuts in German",
           sorted(set(titles) - set(app.labels()))[:10])
    tap.ok("Open an article or annotation file" not in app.labels(),
           "no English shortcut title is shown")
    app.keys("Escape")

    code = app.quit()
    tap.ok(code == 0, "Strg+Q quits cleanly", code)
finally:
    app.kill()

if tap.failed:
    with open(os.path.join(work, "hearsay.log"), errors="replace") as f:
        for line in f.read().splitlines()[-30:]:
            print(f"# log: {line}")
else:
    shutil.rmtree(work, ignore_errors=True)
sys.exit(tap.finish())
