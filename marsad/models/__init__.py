"""Model files shipped with Marsad (see LICENSE-DATA.md)."""
