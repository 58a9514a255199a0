"""Tests of the PDF writer's modules whose names other writers share."""
