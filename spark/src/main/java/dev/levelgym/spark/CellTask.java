package dev.levelgym.spark;

import dev.levelgym.agents.bench.BenchSettings;
import java.io.Serializable;

/** Runs one (agent, seed) cell of a benchmark on an executor. Serializable: Spark ships it with each task. */
@FunctionalInterface
public interface CellTask extends Serializable {

    CellOutput run(BenchSettings settings, String agent, long seed) throws Exception;
}
