"""The bundled fonts, installed with ipdocs as the data package ``ipdocs.fonts``.

See README.md beside this file; the registry of faces is :mod:`ipdocs.typefaces.bundled`.
"""
