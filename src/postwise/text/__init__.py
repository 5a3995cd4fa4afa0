"""Text handling that survives real posts: folding with exact offsets, term matching, language.

Every detector works on a :class:`~postwise.text.fold.FoldedText`, a case-folded,
diacritic-free copy of the post whose every character maps back to the original, so a
finding's span always points at the author's own words.
"""
