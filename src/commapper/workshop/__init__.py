"""Workshops: participants' maps merged into one room map, and its analysis. No Qt."""
