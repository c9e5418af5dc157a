"""One module per field: how it is recognised on a page and how it is normalised."""
