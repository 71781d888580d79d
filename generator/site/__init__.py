"""The site's pages, free of MkDocs: what any builder (MkDocs, Zensical, ProperDocs) gets.

Holds the map of generated pages (`site_pages`), the guide's `<!-- insert: -->` comments
(`inserts`), the in-browser sheet maker's data and page (`sheet_maker`, `sheet_maker_page`),
the message composer (`composer`), the checklist (`checklist`), the PDF handouts (`downloads`)
and the accessibility statement and privacy notice (`statements`).

May import: `generator.core` and `generator.rendering`. Never `edition`, MkDocs or Material.
"""
