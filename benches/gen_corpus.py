#!/usr/bin/env python3
# Copied from the project's benchmark peers (the generator and Python peer) so that
# `cargo bench` needs nothing outside this repository.
"""Write a large, valid pds record for timing: gen_corpus.py DIR CASES [--errors].

Years from 1990 on, 25 meetings a year, up to 100 cases a meeting, each case with
a ~1.2 KB Markdown body (headings, list, table, footnote). With --errors one
duplicate and one gap are planted per year, so the check has findings to report.
"""
import os, random, sys

out, total = sys.argv[1], int(sys.argv[2])
errors = "--errors" in sys.argv
rnd = random.Random(42)
WORDS = ("programstyret tilslutning orientering drøfting leveranse samhandling kjernejournal "
         "risiko tiltak gevinstrealisering forvaltning dokumentdeling innbygger helsepersonell "
         "prøvesvar styringsdokument kostnader sektor kommune").split()
TYPES = ["Tilslutning", "Orientering", "Drøfting", "Beslutning"]


def para(n):
    return " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize() + "."


os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "pds.yaml"), "w") as f:
    f.write("board: Ytelsesstyret\nlanguage: nb\nsecretariat: Sekretariatet\nmembers:\n")
    for i in range(14):
        f.write(f"  - name: Medlem {i}\n    org: Organisasjon {i}\n")
    f.write("chair:\n  name: Leder\n  org: Direktoratet\n")

per_meeting, per_year = 100, 25 * 100
made, year = 0, 1990
while made < total:
    yy = year % 100
    ydir = os.path.join(out, str(year))
    os.makedirs(ydir, exist_ok=True)
    n_cases = min(per_year, total - made)
    n_meet = (n_cases + per_meeting - 1) // per_meeting
    with open(os.path.join(ydir, "meetings.yaml"), "w") as f:
        for m in range(1, n_meet + 1):
            f.write(f"- number: {m}/{year}\n  date: {year}-{1 + (m - 1) // 3:02d}-{1 + ((m - 1) % 3) * 9:02d}\n"
                    f"  time: \"13:00-15:00\"\n  place: Elektronisk møte\n")
    for i in range(1, n_cases + 1):
        num = i
        if errors and i == 10:
            num = 9          # duplicate 9/yy, gap 10/yy
        m = 1 + (i - 1) // per_meeting
        body = (f"## Hensikt med saken\n\n{para(40)}\n\n## Bakgrunn\n\n{para(60)}[^1]\n\n"
                f"- {para(8)}\n- {para(8)}\n- {para(8)}\n\n| Leveranse | Beskrivelse |\n|---|---|\n"
                f"| {rnd.choice(WORDS)} | {para(10)} |\n| {rnd.choice(WORDS)} | {para(10)} |\n\n"
                f"[^1]: Sak i NUIT {rnd.randint(1, 40)}/{yy:02d}.\n")
        slug = "-".join(rnd.choice(WORDS) for _ in range(3)).replace("ø", "o").replace("å", "a").replace("æ", "ae")
        with open(os.path.join(ydir, f"{num:02d}-{yy:02d}-{slug}-{i}.md"), "w") as f:
            f.write(f"---\nnumber: {num}/{yy:02d}\nmeeting: {m}/{year}\ntitle: {para(5)[:-1]}\n"
                    f"type: {rnd.choice(TYPES)}\ndescription: {para(12)}\nstatus: decided\n"
                    f"proposed_decision: |\n  {para(20)}\n---\n{body}")
    made += n_cases
    year += 1
print(f"{made} cases in {year - 1990} years under {out}")
