"""Commapper: map learning communities and see their breadth and brokerage."""

__version__ = "0.1.0"

#: The one application id: reused by the .desktop file, the MIME type, the metainfo and Qt.
APP_ID = "org.commapper.Commapper"
APP_NAME = "Commapper"
