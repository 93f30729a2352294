"""The look of IsoDesk, apart from its behaviour: theme and bundled font (``theme``), and the colours
every screen uses for the same meaning (``palette``). ``views/`` holds behaviour and builds its
layouts in code next to it (keyboard flows and models need code anyway); anything about how things
look, shared by several screens, belongs here."""
