"""Tag detectors, one module per family; ``fandex.tags.infer_tags`` runs them and merges declared tags.

* ``text``: the cue lexicon (``lexicon.yaml``), sentences, negation;
* ``cast``: character references to tie cues to (mentions, pronouns, speakers);
* ``declared``: declared pairings, warnings, categories and ratings read onto AO3's vocabulary;
* ``content``: rating and archive warnings;
* ``canon``: episode anchors from notes and summaries;
* ``tropes``: additional tags (mood, tropes, setting, narration).
"""
