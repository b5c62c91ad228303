"""The OOXML layer: reading the packages govdoc did not write (:mod:`.package`)."""
