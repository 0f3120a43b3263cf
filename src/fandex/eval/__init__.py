"""Evaluation harnesses: each module registers one `fandex eval <corpus>` sub-command."""
