package dev.levelgym.cli;

/** One finished episode of a rollout; {@code result} is the env's "result" info ("win", "loss") or empty. */
record EpisodeResult(long seed, double episodeReturn, int length, String result) {
}
