package dev.levelgym.envs.spaces;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * numpy's {@code str()} of float32 scalars and 1-D arrays with default print options, so {@link Box#toString()}
 * reads like Gymnasium's {@code Box} repr. Arrays are printed on one line (numpy wraps at 75 characters and
 * nests multi-dimensional arrays; neither is reproduced).
 */
final class NumpyFormat {

    private static final int PRECISION = 8;

    private NumpyFormat() {
    }

    /** {@code str(np.float32(x))}: positional for 1e-4 <= |x| < 1e6 (and zero), else scientific. */
    static String scalar(float x) {
        if (!Float.isFinite(x)) {
            return nonFinite(x);
        }
        double magnitude = Math.abs(x);
        if (magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e6)) {
            String s = shortest(x).toPlainString();
            return (x == 0 && 1 / x < 0 ? "-" : "") + (s.contains(".") ? s : s + ".0");
        }
        Scientific sci = scientific(x, 0);
        return sci.integer() + (sci.fraction().isEmpty() ? "" : "." + sci.fraction()) + "e" + sci.exponent();
    }

    /** {@code str(np.array(values, dtype=np.float32))} for a 1-D array, as numpy's FloatingFormat. */
    static String array(float[] values) {
        List<Float> finite = new ArrayList<>();
        boolean negativeInfinity = false;
        // numpy compares in float32 and switches to scientific above 10^(float32 decimal precision = 6).
        float max = 0;
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) {
            if (Float.isFinite(v)) {
                finite.add(v);
                if (v != 0) {
                    max = Math.max(max, Math.abs(v));
                    min = Math.min(min, Math.abs(v));
                }
            } else if (v == Float.NEGATIVE_INFINITY) {
                negativeInfinity = true;
            }
        }
        boolean exponential = max > 0 && (max >= 1e6f || min < 1e-4f || max / min > 1000f);
        String[] formatted = exponential ? formatScientific(values, finite, negativeInfinity)
                : formatPositional(values, finite, negativeInfinity);
        return "[" + String.join(" ", formatted) + "]";
    }

    private static String[] formatPositional(float[] values, List<Float> finite, boolean negativeInfinity) {
        int padLeft = 0;
        int padRight = 0;
        for (float v : finite) {
            String[] parts = positional(v);
            padLeft = Math.max(padLeft, parts[0].length());
            padRight = Math.max(padRight, parts[1].length());
        }
        padLeft = widenForNonFinite(values, finite, padLeft, padRight + 1, negativeInfinity);
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            if (Float.isFinite(values[i])) {
                String[] parts = positional(values[i]);
                out[i] = " ".repeat(padLeft - parts[0].length()) + parts[0] + "." + parts[1]
                        + " ".repeat(padRight - parts[1].length());
            } else {
                out[i] = padNonFinite(values[i], padLeft + padRight + 1);
            }
        }
        return out;
    }

    private static String[] formatScientific(float[] values, List<Float> finite, boolean negativeInfinity) {
        int padLeft = 0;
        int precision = 0;
        int exponentDigits = 0;
        for (float v : finite) {
            Scientific sci = scientific(v, 0);
            padLeft = Math.max(padLeft, sci.integer().length());
            precision = Math.max(precision, sci.fraction().length());
            exponentDigits = Math.max(exponentDigits, sci.exponent().length() - 1);
        }
        int padRight = exponentDigits + 2 + precision;
        padLeft = widenForNonFinite(values, finite, padLeft, padRight + 1, negativeInfinity);
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            if (Float.isFinite(values[i])) {
                Scientific sci = scientific(values[i], precision);
                String exponent = sci.exponent();
                String digits = exponent.substring(1);
                out[i] = " ".repeat(padLeft - sci.integer().length()) + sci.integer() + "." + sci.fraction()
                        + "0".repeat(precision - sci.fraction().length()) + "e" + exponent.charAt(0)
                        + "0".repeat(exponentDigits - digits.length()) + digits;
            } else {
                out[i] = padNonFinite(values[i], padLeft + padRight + 1);
            }
        }
        return out;
    }

    private static int widenForNonFinite(float[] values, List<Float> finite, int padLeft, int offset,
                                         boolean negativeInfinity) {
        if (finite.size() == values.length) {
            return padLeft;
        }
        return Math.max(padLeft, Math.max("nan".length() - offset, "inf".length() + (negativeInfinity ? 1 : 0)
                - offset));
    }

    private static String padNonFinite(float v, int width) {
        String text = nonFinite(v);
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    private static String nonFinite(float v) {
        return Float.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }

    /** Integer and fraction digits of numpy's positional form: shortest digits, at most 8 after the point. */
    private static String[] positional(float v) {
        BigDecimal d = shortest(v);
        if (d.scale() > PRECISION) {
            d = new BigDecimal(v).setScale(PRECISION, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
        String s = d.signum() == 0 ? "0" : d.toPlainString();
        if (v == 0 && 1 / v < 0) {
            s = "-" + s;
        }
        int dot = s.indexOf('.');
        return dot < 0 ? new String[] {s, ""} : new String[] {s.substring(0, dot), s.substring(dot + 1)};
    }

    /**
     * Scientific digits of {@code v}: the shortest that read back as {@code v}, extended with the exact value's
     * further digits up to {@code minFractionDigits}, as Dragon4's {@code min_digits}.
     */
    private static Scientific scientific(float v, int minFractionDigits) {
        BigDecimal d = shortest(v);
        if (d.signum() != 0 && d.precision() - 1 < minFractionDigits) {
            d = new BigDecimal(v).round(new MathContext(minFractionDigits + 1, RoundingMode.HALF_EVEN))
                    .stripTrailingZeros();
        }
        String sign = d.signum() < 0 || (v == 0 && 1 / v < 0) ? "-" : "";
        String digits = d.unscaledValue().abs().toString().replaceFirst("0+$", "");
        if (digits.isEmpty()) {
            digits = "0";
        }
        int exponent = d.precision() - d.scale() - 1;
        if (d.signum() == 0) {
            exponent = 0;
        }
        String exp = (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        return new Scientific(sign + digits.charAt(0), digits.substring(1), exp);
    }

    /**
     * The shortest decimal that reads back as {@code v}, as numpy's Dragon4 in unique mode. Java 17's
     * Float.toString is not always shortest, so the digits are searched for directly.
     */
    private static BigDecimal shortest(float v) {
        if (v == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; digits < 9; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (Float.parseFloat(candidate.toString()) == v) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(9, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
