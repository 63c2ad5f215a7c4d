"""Give every unfinished message in a Swedish-source .ts file its source text as translation."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET


def fill(path: str) -> int:
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        tr = message.find("translation")
        source = message.findtext("source")
        if tr is None or tr.get("type") != "unfinished":
            continue
        forms = tr.findall("numerusform")
        if forms:  # a plural message (tr(..., n)): every form is the source, which says %n
            # Empty, or guessed by lupdate from the same source in another context: the source.
            if all((f.text or "").strip() in ("", source) for f in forms):
                for f in forms:
                    f.text = source
                tr.text = None
                del tr.attrib["type"]
                filled += 1
        elif (tr.text or "").strip() in ("", source):
            tr.text = source
            del tr.attrib["type"]
            filled += 1
    with open(path, "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
    return filled


if __name__ == "__main__":
    print(f"{fill(sys.argv[1])} nya strängar ifyllda")
