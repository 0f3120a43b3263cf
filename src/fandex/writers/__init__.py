"""Writers: one module per output format, each consuming a finished `Work`."""
