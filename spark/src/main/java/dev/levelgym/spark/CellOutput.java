package dev.levelgym.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a bench cell's Spark task sends back to the driver: its result as {@code cell.json} text and every file of
 * its run directory (CSVs, run.json, checkpoint), path relative to that directory, as bytes; so the driver writes
 * the same {@code runs/<agent>/seed-<k>/} tree as the in-process engine whether or not the executors share a
 * filesystem with it.
 */
public record CellOutput(String agent, long seed, String cellJson, Map<String, byte[]> files) implements Serializable {

    public CellOutput {
        files = new TreeMap<>(files);
    }
}
