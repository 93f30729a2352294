"""Read models: what the screens, forms and reports show, as plain records from a few indexed queries."""
