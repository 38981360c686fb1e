package dev.levelgym.envs.spaces;

/** A number split as numpy prints it in scientific form: {@code integer.fraction e exponent}. */
record Scientific(String integer, String fraction, String exponent) {
}
