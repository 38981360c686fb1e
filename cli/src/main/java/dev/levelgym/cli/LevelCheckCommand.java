package dev.levelgym.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.envs.dungeon.level.Level;
import dev.levelgym.envs.dungeon.level.LevelFormatException;
import dev.levelgym.envs.dungeon.level.LevelParser;
import dev.levelgym.envs.dungeon.level.LevelSolver;
import dev.levelgym.envs.dungeon.level.Solution;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Parses and solves level files, one JSON line per file, so scripts can screen a folder of levels. Exit code 0
 * only if every file parses (an unplayable level parses; it is reported with "playable": false).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Parse and solve level files; prints one JSON line per file.")
final class LevelCheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--env", defaultValue = "Dungeon-v0", description = "Level format of this env (default ${DEFAULT-VALUE}).")
    private String envId;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Level files.")
    private List<Path> files;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() {
        if (!envId.equals("Dungeon-v0")) {
            throw new ParameterException(spec.commandLine(),
                    "--env: level files are defined for Dungeon-v0, not '" + envId + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean allParsed = true;
        for (Path file : files) {
            ObjectNode line = json.createObjectNode();
            line.put("file", file.toString());
            try {
                Level level = LevelParser.parse(file);
                Solution solution = LevelSolver.solve(level);
                line.put("playable", solution.playable());
                if (solution.playable()) {
                    line.put("solutionLength", solution.length());
                } else {
                    line.putNull("solutionLength");
                }
                line.put("width", level.width());
                line.put("height", level.height());
            } catch (LevelFormatException e) {
                allParsed = false;
                line.put("error", e.getMessage());
                line.put("line", e.line());
                line.put("column", e.column());
            } catch (NoSuchFileException e) {
                allParsed = false;
                line.put("error", "no such file: " + file);
            } catch (IOException e) {
                allParsed = false;
                line.put("error", "cannot read " + file + ": " + e.getMessage());
            }
            out.println(line);
        }
        return allParsed ? 0 : 1;
    }
}
