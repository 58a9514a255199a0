"""Typefaces: the bundled fonts and the machine's own."""
