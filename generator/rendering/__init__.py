"""Rendering: a tailored sheet or a record turned into Markdown, HTML or PDF.

Holds the Jinja environments and escaping (`render`, `templates/`), the sheet and record
documents (`documents`), PDFs and their cache (`pdf`, `pdf_cache`) and all-or-nothing writing of
files and folders (`output`).

May import: `generator.core`, Jinja, MarkupSafe and (lazily) WeasyPrint. Never `site`,
`edition`, MkDocs or Material.
"""
