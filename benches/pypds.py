#!/usr/bin/env python3
# Copied from the project's benchmark peers (the generator and Python peer) so that
# `cargo bench` needs nothing outside this repository.
"""The peer a secretariat's developer would write instead of pds: PyYAML (C loader
where present) + Jinja2, the same record layout and the same numbering checks.
Used only to time pds against: same record, same findings, side by side in one run.

pypds.py [--repo DIR] check [--format json]
pypds.py [--repo DIR] render notice N/YYYY
"""
import json, os, re, sys
from collections import defaultdict

import yaml
try:
    Loader = yaml.CSafeLoader
except AttributeError:
    Loader = yaml.SafeLoader


def find_repo(start):
    d = os.path.abspath(start)
    while True:
        if os.path.exists(os.path.join(d, "pds.yaml")):
            return d
        if os.path.dirname(d) == d:
            return None
        d = os.path.dirname(d)


def line_of(text, key, offset=0):
    m = re.search(rf"^\s*-?\s*{key}:", text, re.M)
    return (text[:m.start()].count("\n") + 1 + offset) if m else 1


def load(repo):
    findings, cases, meetings, files = [], [], [], 0
    for dirpath, dirnames, filenames in os.walk(repo):
        dirnames.sort()
        rel = os.path.relpath(dirpath, repo)
        if not re.fullmatch(r"\d{4}", rel):
            continue
        for fn in sorted(filenames):
            path = os.path.join(dirpath, fn)
            relp = os.path.join(rel, fn)
            files += 1
            try:
                text = open(path, encoding="utf-8").read()
            except (UnicodeDecodeError, OSError):
                findings.append(dict(code="unreadable", severity="error", message="not UTF-8", file=relp, line=1, column=1))
                continue
            if fn == "meetings.yaml":
                try:
                    for m in yaml.load(text, Loader=Loader) or []:
                        m["_file"], m["_line"] = relp, line_of(text, "number")
                        meetings.append(m)
                except yaml.YAMLError as e:
                    findings.append(dict(code="yaml-syntax", severity="error", message=str(e), file=relp, line=1, column=1))
            elif fn.endswith(".md"):
                parts = text.split("---\n", 2)
                if len(parts) < 3 or parts[0] != "":
                    findings.append(dict(code="front-matter", severity="error", message="no front matter", file=relp, line=1, column=1))
                    continue
                try:
                    fm = yaml.load(parts[1], Loader=Loader) or {}
                except yaml.YAMLError as e:
                    findings.append(dict(code="yaml-syntax", severity="error", message=str(e), file=relp, line=1, column=1))
                    continue
                fm["_file"], fm["_body"] = relp, parts[2]
                fm["_line"] = line_of(parts[1], "number", 1)
                fm["_mline"] = line_of(parts[1], "meeting", 1)
                cases.append(fm)
    return findings, cases, meetings, files


def check(repo):
    findings, cases, meetings, files = load(repo)
    byyear = defaultdict(lambda: defaultdict(list))
    for c in cases:
        m = re.fullmatch(r"(\d+)/(\d\d)", str(c.get("number", "")))
        if not m or int(m.group(1)) < 1:
            findings.append(dict(code="case-number-format", severity="error", message=f"bad number {c.get('number')}",
                                 file=c["_file"], line=c["_line"], column=9))
            continue
        c["_n"], c["_yy"] = int(m.group(1)), int(m.group(2))
        byyear[c["_yy"]][c["_n"]].append(c)
    mt = {str(m.get("number")): m for m in meetings}
    for yy, nums in byyear.items():
        for n, cs in nums.items():
            if len(cs) > 1:
                findings.append(dict(code="duplicate-case", severity="error", message=f"case number {n}/{yy:02d} is used by {len(cs)} cases",
                                     file=cs[1]["_file"], line=cs[1]["_line"], column=9,
                                     related=[dict(file=c["_file"], line=c["_line"], column=9) for c in cs[:1] + cs[2:]]))
        for n in range(1, max(nums) + 1):
            if n not in nums:
                findings.append(dict(code="case-gap", severity="error", message=f"case number {n}/{yy:02d} is missing",
                                     file=nums[min(k for k in nums if k > n)][0]["_file"], line=1, column=1))
    for c in cases:
        if "_n" in c and str(c.get("meeting")) not in mt:
            findings.append(dict(code="unknown-meeting", severity="error", message=f"no meeting {c.get('meeting')}",
                                 file=c["_file"], line=c["_mline"], column=10))
    errors = sum(1 for f in findings if f["severity"] == "error")
    return dict(findings=findings, summary=dict(files=files, errors=errors, warnings=0, acknowledged=0))


NOTICE = """# Møteinnkalling

{{ cfg.board }}

Til: {% for m in cfg.members %}{{ m.name }}, {{ m.org }}{% if not loop.last %}; {% endif %}{% endfor %}
Sted: {{ m.place }}
Dato: {{ m.date.strftime('%d.%m.%Y') }}, kl. {{ m.time | replace(':', '.') | replace('-', ' – ') }}
Møte: {{ m.number }}
Møteleder: {{ cfg.chair.name }}, {{ cfg.chair.org }}

## Agenda

| Saksnummer | Sakstittel | Beskrivelse | Saksdokument | Type sak |
|---|---|---|---|---|
{% for c in cases %}| {{ c.number }} | {{ c.title }} | {{ c.description or '' }} | {% if c._body.strip() %}{{ c.number | replace('/', '-') }} {{ c.title }}{% endif %} | {{ c.type or '' }} |
{% endfor %}"""


def main(argv):
    repo = None
    if argv[:1] == ["--repo"]:
        repo, argv = argv[1], argv[2:]
    repo = find_repo(repo or ".")
    if not repo:
        print("no pds.yaml found", file=sys.stderr)
        return 2
    if argv[0] == "check":
        res = check(repo)
        if "--format" in argv and argv[argv.index("--format") + 1] == "json":
            print(json.dumps(res, ensure_ascii=False, default=str))
        else:
            for f in res["findings"]:
                print(f"{f['file']}:{f['line']}: {f['code']}: {f['message']}")
        return 1 if res["summary"]["errors"] else 0
    if argv[:2] == ["render", "notice"]:
        import jinja2
        cfg = yaml.load(open(os.path.join(repo, "pds.yaml"), encoding="utf-8"), Loader=Loader)
        _, cases, meetings, _ = load(repo)
        m = next((m for m in meetings if str(m.get("number")) == argv[2]), None)
        if m is None:
            return 2
        mine = sorted((c for c in cases if str(c.get("meeting")) == argv[2]), key=lambda c: int(str(c["number"]).split("/")[0]))
        print(jinja2.Template(NOTICE).render(cfg=cfg, m=m, cases=mine))
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
