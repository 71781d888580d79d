"""infointerview: load a YAML question bank, tailor question sheets, render pages.

Data flows one way: YAML -> validated model (loader) -> tailored sheet (tailor) -> rendered
pages and sheets (render, pages, output). Nothing here imports MkDocs except mkdocs_hook.
"""
