"""The web reader behind `fandex serve`: search the library and read works with their annotations."""
