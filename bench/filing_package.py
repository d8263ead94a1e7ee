"""A filing package against merging the same files alone, side by side in one run (issue 19: a 300-page
package from 40 documents in under 10 s, and at most 3 times the bare merge).

Forty invented documents are made first (not timed): 30 text PDFs of 5 to 13 pages laid out by WeasyPrint,
5 scanned-looking PDFs of photos, 5 photos (JPEG); 300 pages in all, 4 of them translated. Then, in one
process, (a) the documents' pages are merged into one PDF with pypdf and written out, and (b) the filing
package is built from the same documents (checks, cover, table of contents, tabs, certificates, proof of
service, page numbers on every page). Each is run ``--runs`` times after one warm-up (fonts, templates);
prints the medians and a last line ``merge=…s package=…s ratio=… target=3``.

Run: ``uv run python bench/filing_package.py [--runs 3]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import statistics
import time

from PIL import Image
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML  # type: ignore[import-untyped]

from withhold.filing.documents import Document, read_document
from withhold.filing.model import Caption, Exhibit, FilingRequest, Representative, Service, Translator
from withhold.filing.package import build_filing

TODAY = dt.date(2026, 12, 7)
TARGET = 3.0
PARAGRAPH = (
    "The witness describes the events of that night in the village, the names of the men who came, what "
    "they said and what they did, and how the family left the next morning before dawn. "
) * 6


def text_pdf(pages: int, seed: int) -> bytes:
    body = "".join(
        f"<section style='break-before: page'><h1>Document {seed}, page {n + 1}</h1><p>{PARAGRAPH}</p>"
        f"<p>{PARAGRAPH}</p></section>"
        for n in range(pages)
    )
    return bytes(HTML(string=f"<html><body>{body}</body></html>").write_pdf())


def photo(seed: int) -> bytes:
    rng = random.Random(seed)
    image = Image.effect_noise((1600, 1200), 40 + rng.random() * 20).convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def scan_pdf(pages: int, seed: int) -> bytes:
    writer = PdfWriter()
    for n in range(pages):
        writer.append(PdfReader(io.BytesIO(read_document("scan.jpg", photo(seed * 100 + n)).pdf)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def documents() -> list[tuple[str, bytes]]:
    made: list[tuple[str, bytes]] = []
    text_pages = [5, 6, 7, 8, 9, 10, 11, 12, 13] * 4
    for seed in range(30):
        made.append((f"text-{seed}.pdf", text_pdf(text_pages[seed], seed)))
    for seed in range(5):
        made.append((f"scan-{seed}.pdf", scan_pdf(3, seed)))
    for seed in range(5):
        made.append((f"photo-{seed}.jpg", photo(1000 + seed)))
    return made


def merge(files: list[tuple[str, bytes]]) -> bytes:
    """The bare merge: every page of every PDF (a photo read as its one-page PDF), written out."""
    writer = PdfWriter()
    for name, data in files:
        pdf = data if name.endswith(".pdf") else read_document(name, data).pdf
        writer.append(PdfReader(io.BytesIO(pdf)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def package(files: list[tuple[str, bytes]]) -> int:
    read: list[Document] = [read_document(name, data) for name, data in files]
    exhibits = [
        Exhibit(f"Exhibit document number {n + 1}", doc)
        if n % 10
        else Exhibit(
            f"Exhibit document number {n + 1}",
            doc,
            language="Spanish",
            translation=read[n + 1],
            translator=Translator("Rosa Inventada", "12 Main St, Anytown, CA 90000", "555-0100"),
        )
        for n, doc in enumerate(read)
    ]
    request = FilingRequest(
        Caption(
            ("Ana Ejemplo",), ("A123456789",), "San Francisco, California", False, "Judge Example",
            TODAY + dt.timedelta(days=30), filed_by=Representative("Pat Lawyer", "1 Law St"),
        ),
        tuple(exhibits),
        Service(TODAY, "electronic", "Pat Lawyer"),
    )  # fmt: skip
    return build_filing(request, today=TODAY).pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    files = documents()
    pages = sum(len(PdfReader(io.BytesIO(read_document(n, d).pdf)).pages) for n, d in files)
    merge(files)
    package(files)  # warm-up: fonts, templates
    merges, packages = [], []
    built = 0
    for _ in range(options.runs):
        start = time.perf_counter()
        merge(files)
        merges.append(time.perf_counter() - start)
        start = time.perf_counter()
        built = package(files)
        packages.append(time.perf_counter() - start)
    merged, packaged = statistics.median(merges), statistics.median(packages)
    print(f"{len(files)} documents, {pages} pages; the package has {built} pages")
    print(f"merge only        median {merged:.2f}s over {options.runs} runs")
    print(f"filing package    median {packaged:.2f}s over {options.runs} runs")
    print(f"merge={merged:.2f}s package={packaged:.2f}s ratio={packaged / merged:.1f} target={TARGET}")


if __name__ == "__main__":
    main()
