"""Sub-commands of the `fandex` CLI, one module each (see fandex.cli)."""
