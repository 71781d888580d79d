"""infointerview: load a YAML question bank, tailor question sheets, render pages.

Data flows one way: YAML -> validated model (loader) -> tailored sheet (tailor) -> rendered
pages and sheets (render, documents, site_pages, output). Nothing here imports MkDocs except
plugin, the MkDocs plugin that builds the site.
"""
