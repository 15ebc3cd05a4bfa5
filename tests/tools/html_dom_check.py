#!/usr/bin/env python3
"""Checks an HTML report's DOM (as chromium --dump-dom prints it after the
page ran, or the file itself) against the JSON document of the same run:
the counts of findings, tunnels, statuses and fix blocks, the ladders'
steps, the copy buttons, the summary's counts, and that nothing is loaded
from outside. Usage: html_dom_check.py DOM.html REPORT.json [DOM2 JSON2...] -> exit 0 ok.
A file DOM.html.name, when present, names the case in messages."""
import json
import sys
from html.parser import HTMLParser


class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.els, self.text_of = [], [], {}

    def handle_starttag(self, tag, attrs):
        el = {"tag": tag, "attrs": dict(attrs), "text": "", "parents": list(self.stack)}
        self.els.append(el)
        if tag not in ("meta", "br", "hr", "img", "input", "link", "path", "line", "rect"):
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self.els.append({"tag": tag, "attrs": dict(attrs), "text": "", "parents": list(self.stack)})

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i]["tag"] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        for el in self.stack:
            el["text"] += data


def classes(el):
    return el["attrs"].get("class", "").split()


def find(dom, tag=None, cls=None, **attrs):
    out = []
    for el in dom.els:
        if tag and el["tag"] != tag:
            continue
        if cls and cls not in classes(el):
            continue
        if any(el["attrs"].get(k.replace("_", "-")) != v for k, v in attrs.items()):
            continue
        out.append(el)
    return out


def main():
    bad = 0
    args = sys.argv[1:]
    for i in range(0, len(args) - 1, 2):
        bad += check(args[i], args[i + 1])
    sys.exit(1 if bad else 0)


def check(dom_path, json_path):
    dom = Dom()
    dom.feed(open(dom_path, encoding="utf-8").read())
    doc = json.load(open(json_path, encoding="utf-8"))
    errs = []

    def want(cond, msg):
        if not cond:
            errs.append(msg)

    findings = doc.get("findings", [])
    tunnels = []
    for t in doc.get("tunnels", []):
        tunnels.append(t)
        if t.get("after_fix"):
            tunnels.append(t["after_fix"])
    cards = find(dom, "article", "finding")
    want(len(cards) == len(findings), f"{len(cards)} finding cards, JSON has {len(findings)}")
    want(sorted(c["attrs"].get("data-id") for c in cards) == sorted(f["id"] for f in findings),
         "the finding IDs differ from the JSON's")
    arts = find(dom, "article", "tunnel")
    want(len(arts) == len(tunnels), f"{len(arts)} tunnel sections, JSON has {len(tunnels)}")
    want([a["attrs"].get("data-status") for a in arts] == [t["status"] for t in tunnels],
         "tunnel statuses differ from the JSON's")
    ladders = find(dom, "svg", "ladder")
    want(len(ladders) == len(tunnels), f"{len(ladders)} ladders for {len(tunnels)} tunnels")
    for i, (svg, t) in enumerate(zip(ladders, tunnels)):
        steps = [e for e in dom.els if e["tag"] == "g" and "step" in classes(e) and svg in e["parents"]]
        want(len(steps) == len(t["steps"]), f"ladder {i}: {len(steps)} steps, JSON {len(t['steps'])}")
        stopped = [e for e in steps if "stopped" in classes(e)]
        want(len(stopped) == sum(1 for s in t["steps"] if not s["ok"]), f"ladder {i}: stop marks")
        states = [e for e in dom.els if e["tag"] == "g" and "state" in classes(e) and svg in e["parents"]]
        want(len(states) == 2, f"ladder {i}: {len(states)} state boxes")
        for side, st in zip(states, [t["state"][t["a"]] if t["a"] in t["state"] else None,
                                     t["state"][t["b"]] if t["b"] in t["state"] else None]):
            shown = side["text"].strip()
            want(st is None or shown == (st or "(no SA)") or shown.startswith((st or "")[:20]),
                 f"ladder {i}: state '{shown}' is not '{st}'")
    blocks = find(dom, "pre", "fix-commands")
    nfix = sum(len(f["fix"]) for f in findings)
    want(len(blocks) == nfix, f"{len(blocks)} fix blocks, JSON has {nfix} fixes")
    want([b["text"] for b in blocks] ==
         ["\n".join(x["commands"]) for f in findings for x in f["fix"]] or
         sorted(b["text"] for b in blocks) ==
         sorted("\n".join(x["commands"]) for f in findings for x in f["fix"]),
         "a fix block's text is not the fix's commands")
    buttons = find(dom, "button", "copy")
    want(len(buttons) == nfix, f"{len(buttons)} copy buttons for {nfix} fixes")
    ids = {b["attrs"].get("id") for b in blocks}
    for b in buttons:
        want(b["attrs"].get("type") == "button" and b["attrs"].get("data-target") in ids and
             b["attrs"].get("aria-label"), "a copy button without its block or label")
    sev = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        sev[f["severity"]] += 1
    for k, n in sev.items():
        cell = find(dom, "td", data_count=k)
        want(len(cell) == 1 and cell[0]["text"].strip() == str(n), f"summary {k} count")
    want(len(find(dom, "a", "skip")) == 1, "no skip link")
    for el in dom.els:
        for k, v in el["attrs"].items():
            if k in ("src", "href", "xlink:href", "action") and v and not v.startswith("#"):
                errs.append(f"<{el['tag']} {k}='{v}'> loads from outside")
        if el["tag"] in ("link", "iframe", "object", "embed", "img"):
            errs.append(f"external element <{el['tag']}>")
    label = open(dom_path + ".name").read().strip() if __import__("os").path.exists(dom_path + ".name") else dom_path
    for e in errs:
        print(f"html-dom: {label}: {e}", file=sys.stderr)
    return 1 if errs else 0


main()
