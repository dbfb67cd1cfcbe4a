/**
 * Bumped when alignments change; recorded with each stored divergence summary, so that summaries
 * an older aligner measured read as unmeasured (the archive opener tells the store this number).
 * Alone in its file: opening an archive needs it, not the aligner.
 */
export const ALIGNMENT_VERSION = 4;
