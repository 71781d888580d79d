"""The core: YAML -> validated model -> tailored selection. Data only, nothing rendered.

Holds the bank's reading (`yaml_source`, `yaml_parse`), its declared schema (`value_types`,
`model`, `schema`), validation and merging (`loader`, `checks`), a sheet request and its plan
(`sheet`), the selection rules (`tailor`, the only place they live), what a whole bank must
hold for its sheets to come out right (`coverage`, run by `check`), a centre's details
(`centre`) and where the shipped folders are (`resources`).

May import: the standard library, PyYAML and other `generator.core` modules. Never Jinja,
MarkupSafe, WeasyPrint, MkDocs or any other layer, so `infointerview check` stays light and
another front end can reuse the rules.
"""
