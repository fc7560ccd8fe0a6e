"""Presenting a map to a room: a full-screen projection and the saved views it steps through."""
