package dev.levelgym.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.grid.LevelFormatException;
import dev.levelgym.envs.grid.TileGrid;
import dev.levelgym.generators.Playability;
import dev.levelgym.generators.TileWorld;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Parses and solves level files of a tile world ({@code --env Dungeon-v0}, {@code Platformer-v1} or
 * {@code Platformer-v0}), one JSON line per file, so scripts can screen a folder of levels. Exit code 0 if every
 * file parses (an unplayable level parses; it is reported with "playable": false), 1 if some file is not a valid
 * level, and 2, the user-error code of every command, if some file cannot be read at all (missing, a folder,
 * unreadable). Platformer lines add "completion", the share of the level the solver gets through.
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
        TileWorld<?> world;
        try {
            world = TileWorld.forEnv(envId);
        } catch (UserInputException e) {
            throw new ParameterException(spec.commandLine(), "--env: " + e.getMessage());
        }
        return check(world);
    }

    private <L extends TileGrid> int check(TileWorld<L> world) {
        PrintWriter out = spec.commandLine().getOut();
        boolean allParsed = true;
        boolean allRead = true;
        for (Path file : files) {
            ObjectNode line = json.createObjectNode();
            line.put("file", file.toString());
            try {
                L level = world.parse(file);
                Playability p = world.solve(level);
                line.put("playable", p.playable());
                if (p.solutionLength().isPresent()) {
                    line.put("solutionLength", p.solutionLength().getAsInt());
                } else {
                    line.putNull("solutionLength");
                }
                p.completion().ifPresent(c -> line.put("completion", c));
                line.put("width", level.width());
                line.put("height", level.height());
            } catch (LevelFormatException e) {
                allParsed = false;
                line.put("error", e.getMessage());
                line.put("line", e.line());
                line.put("column", e.column());
            } catch (NoSuchFileException e) {
                allRead = false;
                line.put("error", "no such file: " + file);
            } catch (IOException e) {
                allRead = false;
                line.put("error", "cannot read " + file + ": " + e.getMessage());
            }
            out.println(line);
        }
        return !allRead ? UserErrorHandler.USER_ERROR : allParsed ? 0 : 1;
    }
}
