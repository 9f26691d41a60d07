"""The app's screens, one module each: its tab's layout (``layout``) and its handlers
(``wire``), over the shared :class:`~.context.Context`."""
