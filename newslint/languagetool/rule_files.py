"""Read the installed LanguageTool's English rule files: which rules are opt-in, and why.

Used to check the news profile against the LanguageTool actually installed, and by
benchmarks/languagetool_optin_survey.py to list every opt-in rule.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

_OFF = {"off", "temp_off"}


def english_rule_files(jar_dir: Path) -> dict[str, bytes]:
    """The English grammar/style XML files inside ``jar_dir``'s language-en jar, by name."""
    jar = next((jar_dir / "libs").glob("org.languagetool.language-en-*.jar"), None)
    if jar is None:
        raise FileNotFoundError(f"no language-en jar in {jar_dir / 'libs'}")
    with zipfile.ZipFile(jar) as z:
        return {
            name: z.read(name) for name in z.namelist()
            if name.startswith("org/languagetool/rules/en/") and name.endswith(".xml")
            and "/grammar-l2-" not in name and "remote-rule" not in name
        }


def opt_in_rules(jar_dir: Path) -> dict[str, tuple[str, str]]:
    """Rule id -> (category id, "off" | "picky") for every English rule LanguageTool does not
    run by default: off on the rule, its group, one of its sub-rules or its category
    ("off"), or tagged picky (runs only at level "picky")."""
    out: dict[str, tuple[str, str]] = {}
    for data in english_rule_files(jar_dir).values():
        root = ElementTree.fromstring(data)
        for category in root.iter("category"):
            for rule in category:
                if rule.tag not in ("rule", "rulegroup"):
                    continue
                subs = [r for r in rule if r.tag == "rule"] if rule.tag == "rulegroup" else []
                off = (rule.get("default") or category.get("default")) in _OFF or any(r.get("default") in _OFF for r in subs)
                picky = any("picky" in (x.get("tags") or "") for x in (category, rule, *subs))
                if off or picky:
                    out[rule.get("id", "")] = (category.get("id", ""), "off" if off else "picky")
    return out
