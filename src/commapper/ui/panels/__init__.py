"""The panels beside the canvas: analysis (figures, charts, findings, what-if), the inspector
and the tables."""
