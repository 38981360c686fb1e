package dev.levelgym.demo.studio;

import java.util.function.Consumer;

/**
 * A question the studio asks in its status line: a yes/no confirmation (replace a file, discard edits) or a line
 * of text (a file name, a level size). Keys go to the prompt while it is open.
 *
 * @param question what is asked
 * @param text     what has been typed so far (text prompts)
 * @param yesNo    true for a Y/N question
 * @param answer   called with the typed text, or "y", when the designer answers; not called on cancel
 */
public record Prompt(String question, String text, boolean yesNo, Consumer<String> answer) {

    static Prompt confirm(String question, Runnable yes) {
        return new Prompt(question + " (Y/N)", "", true, a -> yes.run());
    }

    static Prompt ask(String question, String initial, Consumer<String> answer) {
        return new Prompt(question, initial, false, answer);
    }

    Prompt withText(String newText) {
        return new Prompt(question, newText, yesNo, answer);
    }
}
