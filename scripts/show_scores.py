"""Print `baliza score` output next to the ads, with each indicator span quoted (demo only)."""

import json
import sys
import textwrap
from pathlib import Path

ads = {a["id"]: a for a in map(json.loads, Path(sys.argv[1]).read_text(encoding="utf-8").splitlines())}
for result in map(json.loads, Path(sys.argv[2]).read_text(encoding="utf-8").splitlines()):
    text = ads[result["id"]]["text"]
    mark = "FLAGGED" if result["flagged"] else "not flagged"
    print(f"\n[{result['id']}] score {result['score']:.3f}  {mark}  lang={result['lang']}")
    print(textwrap.indent(textwrap.fill(text, 100), "    "))
    for span in result["indicators"]:
        print(f'      - {span["code"]}: "{text[span["start"] : span["end"]]}"')
