"""The career-centre edition: the MkDocs plugin and the commands a centre uses.

Holds the plugin (`plugin`, the only module that imports MkDocs or Material), a brand colour's
accessible shades (`branding`), the default menu (`guide_nav`), `infointerview new-site` with its
`starter/` files (`new_site`) and `infointerview package` (`lms_package`).

May import: every other layer of `generator` (core, rendering, site). Nothing imports it but
the command line and MkDocs' entry point.
"""
