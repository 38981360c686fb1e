package dev.levelgym.agents;

/** Called by training loops after each finished episode, e.g. to log returns. */
@FunctionalInterface
public interface EpisodeListener {

    EpisodeListener NONE = episode -> { };

    void onEpisode(Episode episode);
}
