package dev.levelgym.cli;

import dev.levelgym.envs.Outcome;
import java.util.List;

/** Mean, sample standard deviation and range of episode returns and lengths. */
record Summary(int episodes, double meanReturn, double stdReturn, double minReturn, double maxReturn,
               double meanLength, double winRate) {

    static Summary of(List<EpisodeResult> results) {
        int n = results.size();
        double mean = results.stream().mapToDouble(EpisodeResult::episodeReturn).average().orElse(Double.NaN);
        double var = n < 2 ? 0 : results.stream()
                .mapToDouble(r -> (r.episodeReturn() - mean) * (r.episodeReturn() - mean)).sum() / (n - 1);
        long steps = results.stream().mapToLong(EpisodeResult::length).sum();
        long withResult = results.stream().filter(r -> !r.result().isEmpty()).count();
        long wins = results.stream().filter(r -> r.result().equals(Outcome.WIN.label())).count();
        return new Summary(n, mean, Math.sqrt(var),
                results.stream().mapToDouble(EpisodeResult::episodeReturn).min().orElse(Double.NaN),
                results.stream().mapToDouble(EpisodeResult::episodeReturn).max().orElse(Double.NaN),
                n == 0 ? Double.NaN : (double) steps / n,
                withResult == 0 ? Double.NaN : (double) wins / n);
    }
}
