"""The map canvas: a scene of node and edge items that follows the document, and its view."""
