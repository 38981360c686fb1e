package dev.levelgym.demo.studio;

import java.util.function.Consumer;

/**
 * A question the studio asks in its status line: a yes/no confirmation (replace a file, discard edits) or a line
 * of text (a file name, a level size). Keys go to the prompt while it is open.
 *
 * @param question  what is asked
 * @param text      what has been typed so far (text prompts)
 * @param suggested true while {@code text} is still the suggestion the prompt opened with: shown selected, so the
 *                  first character typed replaces it and BACKSPACE clears it, as in a file dialog
 * @param yesNo     true for a Y/N question
 * @param answer    called with the typed text, or "y", when the designer answers; not called on cancel
 */
public record Prompt(String question, String text, boolean suggested, boolean yesNo, Consumer<String> answer) {

    static Prompt confirm(String question, Runnable yes) {
        return new Prompt(question + " (Y/N)", "", false, true, a -> yes.run());
    }

    static Prompt ask(String question, String suggestion, Consumer<String> answer) {
        return new Prompt(question, suggestion, !suggestion.isEmpty(), false, answer);
    }

    Prompt typed(char c) {
        return new Prompt(question, (suggested ? "" : text) + c, false, yesNo, answer);
    }

    Prompt erased() {
        return new Prompt(question, suggested || text.isEmpty() ? "" : text.substring(0, text.length() - 1), false,
                yesNo, answer);
    }
}
