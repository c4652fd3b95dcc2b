"""Spiders, parsers and typed records of newsarchive."""
