"""The two front doors: each turns one kind of input into a ``Page`` of blocks."""
