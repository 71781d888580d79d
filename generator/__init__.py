"""infointerview: load a YAML question bank, tailor question sheets, render pages.

Data flows one way, and the folders are its layers; each may import only the ones before it:

    core/       YAML -> validated model -> tailored selection (data only)
    rendering/  a sheet or record as Markdown, HTML or PDF (Jinja, WeasyPrint)
    site/       the site's pages, inserts, sheet maker and composer, for any builder
    edition/    the career-centre edition: the MkDocs plugin, new-site, package
    cli.py      the `infointerview` command (with __main__.py for `python -m generator`)

Nothing imports MkDocs except edition/plugin.py.
"""
