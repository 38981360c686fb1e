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

    /** A config file is a few dozen lines; a larger one is not a config (and is not read into memory). */
    static final long MAX_BYTES = 1 << 20;

    /** @throws IllegalArgumentException naming the file if it is missing, unreadable, too large or malformed */
    public static JsonNode read(Path file) {
        try {
            byte[] bytes;
            try (java.io.InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw new UserInputException(file + ": larger than " + MAX_BYTES + " bytes; not an agent config");
            }
            return parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), file);
        } catch (NoSuchFileException e) {
            throw new UserInputException("no such config file: " + file, e);
        } catch (IOException e) {
            throw new UserInputException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The config {@code text} as read from {@code file}: YAML if the name ends in {@code .yaml} or {@code .yml},
     * else JSON.
     *
     * @throws UserInputException naming the file if the text is malformed or not a mapping
     */
    public static JsonNode parse(String text, Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(java.util.Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserInputException(file + ": " + String.valueOf(e.getOriginalMessage()).lines().findFirst()
                    .orElse("malformed"), e);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return JSON.createObjectNode();
        }
        if (!node.isObject()) {
            throw new UserInputException(file + ": an agent config must be a mapping of fields");
        }
        return node;
    }
}
