# Shared helpers for the headless GUI tests: start the real app, find its
# widgets through the accessibility tree, press real keys with xdotool.
#
# Copyright 2026 The Hearsay team
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

if not os.environ.get("DISPLAY"):
    # No X server (for example inside the Flatpak build sandbox): skip, as TAP says.
    print("1..0 # SKIP no display; run under xvfb-run", flush=True)
    sys.exit(0)

from dogtail import config as dogtail_config

dogtail_config.config.checkForA11y = False
dogtail_config.config.logDebugToStdOut = False
dogtail_config.config.logDebugToFile = False
dogtail_config.config.searchShowingOnly = False

from dogtail import tree  # noqa: E402  (must follow the config above)
from dogtail.predicate import GenericPredicate  # noqa: E402


class Tap:
    """Minimal TAP producer: one line per check, plan at the end."""

    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, condition, description, detail=None):
        self.count += 1
        if condition:
            print(f"ok {self.count} - {description}", flush=True)
        else:
            self.failed += 1
            print(f"not ok {self.count} - {description}", flush=True)
            if detail is not None:
                for line in str(detail).splitlines():
                    print(f"# {line}", flush=True)
        return condition

    def finish(self):
        print(f"1..{self.count}", flush=True)
        return 1 if self.failed else 0


def wait_for(predicate, timeout=10.0, interval=0.1):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            return value
        time.sleep(interval)


class App:
    """One running hearsay process with a private data, config and settings store."""

    def __init__(self, binary, args, workdir, env_extra=None, settings=None):
        self.binary = binary
        self.workdir = workdir
        env = dict(os.environ)
        env.pop("GTK_A11Y", None)
        # A settings file on disk: what one run keeps the next run sees, and a
        # test can start the app with the settings it needs (tagger off by default).
        env["GSETTINGS_BACKEND"] = "keyfile"
        write_settings(workdir, {"tagger-enabled": "false", **(settings or {})})
        env["XDG_DATA_HOME"] = os.path.join(workdir, "xdg-data")
        env["XDG_CONFIG_HOME"] = os.path.join(workdir, "xdg-config")
        env["XDG_CACHE_HOME"] = os.path.join(workdir, "xdg-cache")
        env["GDK_BACKEND"] = "x11"
        env["NO_AT_BRIDGE"] = "0"
        if env_extra:
            env.update(env_extra)
        self.log = open(os.path.join(workdir, "hearsay.log"), "ab")
        self.proc = subprocess.Popen([binary] + list(args), env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.node = None

    def find_app(self, timeout=20):
        def lookup():
            if self.proc.poll() is not None:
                return None
            try:
                for app in tree.root.applications():
                    try:
                        if app.get_process_id() == self.proc.pid:
                            return app
                    except Exception:
                        continue
            except Exception:
                return None
            return None

        self.node = wait_for(lookup, timeout)
        return self.node

    def find(self, role, name=None, timeout=10):
        def lookup():
            try:
                kwargs = {"roleName": role}
                if name is not None:
                    kwargs["name"] = name
                return self.node.findChild(GenericPredicate(**kwargs), retry=False,
                                           requireResult=False)
            except Exception:
                return None

        return wait_for(lookup, timeout)

    def labels(self):
        """Texts of every label in the window (name of role 'label')."""
        try:
            found = self.node.findChildren(GenericPredicate(roleName="label"))
            return [n.name for n in found]
        except Exception:
            return []

    def window_ids(self):
        """Every visible X window of the app, oldest first."""
        out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.proc.pid)],
                             capture_output=True, text=True)
        return out.stdout.split()

    def window_id(self, timeout=15):
        def lookup():
            out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid",
                                  str(self.proc.pid)], capture_output=True, text=True)
            ids = out.stdout.split()
            return ids[-1] if ids else None

        return wait_for(lookup, timeout, 0.2)

    def focus(self):
        wid = self.window_id()
        if wid is None:
            raise RuntimeError("no X window for the app")
        subprocess.run(["xdotool", "windowfocus", "--sync", wid], check=False)
        time.sleep(0.3)
        return wid

    def keys(self, *keys, delay=0.15):
        for key in keys:
            subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True)
            time.sleep(delay)

    def quit(self, timeout=10):
        if self.proc.poll() is None:
            self.keys("ctrl+q")
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None
        finally:
            self.log.close()

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def settings_path(workdir):
    return os.path.join(workdir, "xdg-config", "glib-2.0", "settings", "keyfile")


def write_settings(workdir, values):
    """Merge @values (GVariant text) into the app's keyfile settings."""
    import configparser
    path = settings_path(workdir)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    parser = configparser.ConfigParser()
    parser.optionxform = str
    parser.read(path)
    section = "io/github/hearsay/Hearsay"
    if not parser.has_section(section):
        parser.add_section(section)
    for key, value in values.items():
        parser[section][key] = value
    with open(path, "w") as f:
        parser.write(f, space_around_delimiters=False)


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def screenshot(path):
    subprocess.run(["import", "-window", "root", path], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_workdir(name):
    base = os.environ.get("MESON_BUILD_ROOT") or tempfile.gettempdir()
    path = tempfile.mkdtemp(prefix=f"hearsay-{name}-")
    return path
