"""Validates each file of pds records against `pds schema`'s schema of its kind,
with the independent validator `jsonschema` (Draft 2020-12).

    python3 validate.py SCHEMAS.json RECORD...

Prints one line per file; exits 0 when all are valid, 1 when one is not, 3 when
jsonschema or PyYAML is missing (the caller decides whether that is a skip).

YAML is read the way pds reads it, as YAML 1.2 (core schema), not PyYAML's
YAML 1.1: the implicit resolvers for timestamps (`2021-03-04` stays the
string pds parses as a date), for 1.1 booleans (`yes`, `no`, `on`, `off` stay
text; only true/false are booleans) and for sexagesimal numbers (`13:00` and
`13:00-15:00` stay text) are replaced by the YAML 1.2 ones. So the schema can
say `type: string` with a pattern for dates, time spans and numbers such as
`7/2021`, and no value is turned into another type before it is validated.
"""
import json
import os
import re
import sys

try:
    import jsonschema
    import yaml
except ImportError as e:
    print(f"missing: {e.name}")
    sys.exit(3)


class Yaml12Loader(yaml.SafeLoader):
    pass


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool",
                           "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."))


def kind(rel):
    """The file kind of a path in a record, as pds's `classify` sees it."""
    parts = rel.split("/")
    if parts == ["pds.yaml"]:
        return "config"
    if len(parts) != 2:
        return None
    folder, name = parts
    if len(folder) == 4 and folder.isdigit():
        if name in ("meetings.yaml", "actions.yaml", "forums.yaml"):
            return name[:-len(".yaml")]
        return "case" if name.endswith(".md") else None
    if folder == "drafts" and name.endswith(".md"):
        return "case"
    if folder in ("risks", "status") and name.endswith(".yaml"):
        return "risk" if folder == "risks" else "status"
    return None


def front_matter(text):
    """The YAML between a case's first two `---` lines."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].rstrip() != "---":
        raise ValueError("no front matter")
    for i, line in enumerate(lines[1:], start=1):
        if line.rstrip() == "---":
            return "\n".join(lines[1:i])
    raise ValueError("front matter not closed")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schemas = json.load(f)
    validators = {}
    for name, schema in schemas.items():
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[name] = jsonschema.Draft202012Validator(schema)
    checked = failed = 0
    for record in sys.argv[2:]:
        for folder, dirs, files in os.walk(record):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for file in sorted(files):
                path = os.path.join(folder, file)
                rel = os.path.relpath(path, record).replace(os.sep, "/")
                k = kind(rel)
                if k is None:
                    continue
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                if k == "case":
                    text = front_matter(text)
                data = yaml.load(text, Loader=Yaml12Loader)
                errors = list(validators[k].iter_errors(data))
                checked += 1
                if errors:
                    failed += 1
                    for e in errors:
                        where = "/".join(str(p) for p in e.absolute_path)
                        print(f"INVALID {path} ({k}) at /{where}: {e.message}")
                else:
                    print(f"ok {path} ({k})")
    print(f"{checked} files checked, {failed} invalid")
    sys.exit(1 if failed or not checked else 0)


main()
