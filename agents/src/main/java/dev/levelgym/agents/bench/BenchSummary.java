package dev.levelgym.agents.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.agents.checkpoint.Checkpoints;
import dev.levelgym.envs.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The result of a benchmark: per agent {@link AgentStats}, and the cells behind them. Written as
 * {@code summary.json} ({@code {"env", "steps", "agents": {name: stats}}} plus the settings and per-seed
 * numbers, and {@code failedCells}: the cells an engine gave up on, with their errors), {@code summary.md} (a
 * Markdown table) and {@code curves.png}. An agent none of whose cells finished has no row.
 */
public record BenchSummary(BenchSettings settings, Map<String, String> trainOptions,
                           Map<String, String> heldOutOptions, OptionalDouble rewardThreshold,
                           Map<String, AgentStats> agents, List<CellResult> cells, List<FailedCell> failedCells) {

    /** A cell that failed for good (after the engine's retries): reported, not dropped. */
    public record FailedCell(String agent, long seed, String error) {
    }

    public static final String JSON_FILE = "summary.json";
    public static final String MARKDOWN_FILE = "summary.md";
    public static final String CURVES_FILE = "curves.png";
    /** Win rates on training levels beside held-out levels and level files, per agent and seed. */
    public static final String GENERALIZATION_FILE = "generalization.png";

    /** The summary of {@code cells}, taken in the grid's order (agents as in the settings, then seeds). */
    public static BenchSummary of(BenchSettings settings, Map<String, String> trainOptions,
                                  Map<String, String> heldOutOptions, OptionalDouble threshold,
                                  List<CellResult> cells, List<FailedCell> failedCells) {
        Map<String, AgentStats> agents = new LinkedHashMap<>();
        for (String agent : settings.agents()) {
            List<CellResult> own = cells.stream().filter(c -> c.agent().equals(agent)).toList();
            if (!own.isEmpty()) {
                agents.put(agent, AgentStats.of(own));
            }
        }
        return new BenchSummary(settings, trainOptions, heldOutOptions, threshold, agents, List.copyOf(cells),
                List.copyOf(failedCells));
    }

    public ObjectNode toJson() {
        ObjectNode root = Checkpoints.JSON.createObjectNode();
        root.put("env", settings.envId());
        root.put("steps", settings.steps());
        ObjectNode agentsNode = root.putObject("agents");
        for (Map.Entry<String, AgentStats> e : agents.entrySet()) {
            ObjectNode node = Checkpoints.JSON.valueToTree(e.getValue());
            ArrayNode perSeed = node.putArray("perSeed");
            for (CellResult c : cells) {
                if (!c.agent().equals(e.getKey())) {
                    continue;
                }
                ObjectNode s = perSeed.addObject();
                s.put("seed", c.seed());
                s.put("finalEvalMean", c.finalEval().mean());
                s.put("finalEvalStd", c.finalEval().std());
                putNullable(s, "finalEvalWinRate", c.finalEval().winRate());
                if (c.stepsToSolve() == null) {
                    s.putNull("stepsToSolve");
                } else {
                    s.put("stepsToSolve", c.stepsToSolve());
                }
                s.put("trainSeconds", c.trainSeconds());
                s.put("updates", c.updates());
                ArrayNode curve = s.putArray("evalCurve");
                c.evals().forEach(p -> curve.addArray().add(p.globalStep()).add(p.result().mean()));
                if (c.heldOut() != null) {
                    s.put("heldOutMean", c.heldOut().mean());
                    putNullable(s, "heldOutWinRate", c.heldOut().winRate());
                    putNullable(s, "generalizationGap", c.generalizationGap());
                }
                if (c.testLevels() != null) {
                    s.put("testLevelsMean", c.testLevels().mean());
                    putNullable(s, "testLevelsWinRate", c.testLevels().winRate());
                }
            }
            agentsNode.set(e.getKey(), node);
        }
        rewardThreshold.ifPresentOrElse(t -> root.put("rewardThreshold", t), () -> root.putNull("rewardThreshold"));
        root.put("evalEvery", settings.evalEvery());
        root.put("evalEpisodes", settings.evalEpisodes());
        root.put("evalSeed", Evaluation.DEFAULT_SEED);
        root.set("trainOptions", Checkpoints.JSON.valueToTree(trainOptions));
        root.set("heldOutOptions", heldOutOptions == null ? null : Checkpoints.JSON.valueToTree(heldOutOptions));
        root.put("threads", settings.threads());
        root.put("numEnvs", settings.numEnvs());
        root.put("evalPolicy", settings.evalPolicy().label());
        if (settings.testLevels() == null) {
            root.putNull("testLevels");
        } else {
            root.put("testLevels", settings.testLevels());
        }
        ArrayNode failed = root.putArray("failedCells");
        failedCells.forEach(f -> failed.addObject().put("agent", f.agent()).put("seed", f.seed())
                .put("error", f.error()));
        return root;
    }

    private static void putNullable(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(settings.envId()).append(", ").append(settings.steps()).append(" steps, ")
                .append(settings.seeds()).append(" seeds\n\n");
        md.append("Final ").append(settings.evalPolicy().adjective())
                .append(" evaluation over ").append(settings.evalEpisodes()).append(" episodes; solved = mean "
                + "return ≥ ").append(rewardThreshold.isPresent() ? fmt(rewardThreshold.getAsDouble()) : "n/a")
                .append(".\n\n");
        boolean heldOut = heldOutOptions != null;
        boolean levels = settings.testLevels() != null;
        if (heldOut) {
            md.append("Win rates on the training levels and on held-out levels never trained on (").append(
                    heldOutOptions).append("), both on the game as defined (no training aids); gap = train − held-out.\n\n");
        }
        if (levels) {
            md.append("Test levels: every level file of ").append(settings.testLevels()).append(", ")
                    .append(settings.evalEpisodes()).append(" episodes each.\n\n");
        }
        md.append("| agent | solved | eval return | win rate |").append(heldOut ? " held-out win rate | gap |" : "")
                .append(levels ? " test-levels win rate |" : "")
                .append(" median steps to solve | median s to solve | env steps/s | updates/s |\n");
        md.append("|---|---|---|---|").append(heldOut ? "---|---|" : "").append(levels ? "---|" : "")
                .append("---|---|---|---|\n");
        for (Map.Entry<String, AgentStats> e : agents.entrySet()) {
            AgentStats a = e.getValue();
            md.append("| ").append(e.getKey()).append(" | ").append(a.seedsSolved()).append('/').append(a.seeds())
                    .append(" | ").append(fmt(a.evalMean())).append(" ± ").append(fmt(a.evalStd()))
                    .append(" | ").append(orDash(a.evalWinRate()));
            if (heldOut) {
                md.append(" | ").append(orDash(a.heldOutWinRate())).append(" | ").append(orDash(a.generalizationGap()));
            }
            if (levels) {
                md.append(" | ").append(orDash(a.testLevelsWinRate()));
            }
            md.append(" | ").append(a.medianStepsToSolve() == null ? "–" : a.medianStepsToSolve().toString())
                    .append(" | ").append(a.medianSecondsToSolve() == null ? "–" : fmt(a.medianSecondsToSolve()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f", a.envStepsPerSecond()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f", a.updatesPerSecond())).append(" |\n");
        }
        if (heldOut || levels) {
            md.append("\nPer seed:\n\n| agent | seed | train win rate | return |")
                    .append(heldOut ? " held-out win rate | held-out return | gap |" : "")
                    .append(levels ? " test-levels win rate | test-levels return |" : "").append('\n');
            md.append("|---|---|---|---|").append(heldOut ? "---|---|---|" : "").append(levels ? "---|---|" : "")
                    .append('\n');
            for (CellResult c : cells) {
                md.append("| ").append(c.agent()).append(" | ").append(c.seed()).append(" | ")
                        .append(orDash(c.finalEval().winRate())).append(" | ").append(fmt(c.finalEval().mean()));
                if (heldOut) {
                    md.append(" | ").append(c.heldOut() == null ? "–" : orDash(c.heldOut().winRate()))
                            .append(" | ").append(c.heldOut() == null ? "–" : fmt(c.heldOut().mean()))
                            .append(" | ").append(orDash(c.generalizationGap()));
                }
                if (levels) {
                    md.append(" | ").append(c.testLevels() == null ? "–" : orDash(c.testLevels().winRate()))
                            .append(" | ").append(c.testLevels() == null ? "–" : fmt(c.testLevels().mean()));
                }
                md.append(" |\n");
            }
        }
        if (!failedCells.isEmpty()) {
            md.append("\nFailed cells (left out of the table above):\n\n");
            failedCells.forEach(f -> md.append("- ").append(f.agent()).append(" seed ").append(f.seed()).append(": ")
                    .append(f.error()).append('\n'));
        }
        return md.toString();
    }

    private static String orDash(Double v) {
        return v == null || v.isNaN() ? "–" : fmt(v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Writes summary.json, summary.md and curves.png into {@code out}. */
    public void write(Path out) {
        try {
            Files.createDirectories(out);
            AtomicFiles.writeString(out.resolve(JSON_FILE), Checkpoints.JSON.writeValueAsString(toJson()));
            AtomicFiles.writeString(out.resolve(MARKDOWN_FILE), toMarkdown());
            CurveCharts.benchCurves(this, out.resolve(CURVES_FILE));
            if (heldOutOptions != null || settings.testLevels() != null) {
                CurveCharts.generalization(this, out.resolve(GENERALIZATION_FILE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
