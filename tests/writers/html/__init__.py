"""Tests of the HTML writer's modules whose names other writers share."""
