"""DejaVu Sans (Bitstream Vera licence, see LICENSE-DejaVu.txt): the fonts embedded in printouts."""
