"""Geometry rules, measured on the PDF LibreOffice renders (filled in below)."""
