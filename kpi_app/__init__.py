"""The dashboard's thin app layer: session state, cached loaders and shared widgets."""
