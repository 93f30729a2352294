"""The demo site: synthetic people and a simulated history (``app.py demo``), never real personal data."""
