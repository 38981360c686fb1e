package dev.levelgym.envs.grid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a level file's text for the worlds' parsers. */
public final class LevelText {

    private LevelText() {
    }

    /**
     * The file as strict UTF-8: a level with a stray byte is refused rather than read with a replacement character
     * that would then be reported as an unknown tile somewhere else.
     *
     * @throws LevelFormatException naming the file if it is not UTF-8
     * @throws IOException          if it cannot be read
     */
    public static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new LevelFormatException(file.toString(), 1, 1, "not UTF-8 text");
        }
    }
}
