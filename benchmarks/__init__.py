"""Benchmarks that time the work on generated maps, and the generator of those maps
(`benchmarks.generate`), which the tests import too."""
