package dev.levelgym.agents.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.levelgym.envs.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads an agent config file: YAML ({@code .yaml}/{@code .yml}) or JSON (anything else), as a JSON tree. */
public final class AgentConfigFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentConfigFiles() {
    }

    /** @throws IllegalArgumentException naming the file if it is missing, unreadable or malformed */
    public static JsonNode read(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
        try {
            JsonNode node = mapper.readTree(Files.readString(file));
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JSON.createObjectNode();
            }
            if (!node.isObject()) {
                throw new UserInputException(file + ": an agent config must be a mapping of fields");
            }
            return node;
        } catch (NoSuchFileException e) {
            throw new UserInputException("no such config file: " + file, e);
        } catch (JsonProcessingException e) {
            throw new UserInputException(file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UserInputException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }
}
