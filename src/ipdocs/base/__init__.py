"""The base: problems, exact decimals, safe YAML, reading inputs, writing files, zips, plugins and
the closed vocabularies: everything above may use them; they use nothing above."""
