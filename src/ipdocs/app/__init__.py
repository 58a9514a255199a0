"""The application: the command line, watching, batches, building and the worker processes."""
