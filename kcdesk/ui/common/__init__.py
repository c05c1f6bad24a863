"""Pieces shared by several editors."""
