package dev.levelgym.demo.model;

/**
 * Something drawn on top of the terrain, moving from {@code fromCell} to {@code toCell} over the current tick.
 *
 * @param symbol the level-file character of what it is: 'A'/'a' avatar (without/with key), '1'..'3' enemies,
 *               '*' the sword
 */
public record Sprite(char symbol, int fromCell, int toCell) {
}
