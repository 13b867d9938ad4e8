package io.socketiojakarta.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Doubles in the form of JavaScript's {@code Number.prototype.toString} (ECMA-262, Number::toString
 * with radix 10): the shortest digits that read back to the same double, the closest such digits
 * when several qualify, plain notation from 1e-7 up to 1e21, exponent notation outside.
 */
final class JsNumber {
  /** 2^53: below it every integral double is exactly its long value. */
  private static final double EXACT_LONGS = 9.007199254740992E15;

  private JsNumber() {}

  static void append(double d, StringBuilder out) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      out.append("null"); // JSON.stringify writes null for NaN and the infinities
      return;
    }
    if (d == 0) {
      out.append('0'); // -0 as well
      return;
    }
    if (d < 0) {
      out.append('-');
      d = -d;
    }
    if (d < EXACT_LONGS && d == Math.rint(d)) {
      out.append((long) d);
      return;
    }
    format(shortest(d), out);
  }

  /** Significant digits {@code s} and exponent {@code n}: the value is 0.s times 10^n. */
  record Digits(String s, int n) {}

  /** The shortest digits of a positive finite double, nearest to it among those of that length. */
  static Digits shortest(double d) {
    Digits candidate = fromJavaString(Double.toString(d));
    // Any decimal of at most 15 significant digits is the only one of that length (or shorter)
    // reading back to its double (DBL_DIG), so a short answer of Double.toString is final. Longer
    // ones are checked: before JDK 19 Double.toString may print a digit too many.
    if (candidate.s().length() <= 15 && d >= Double.MIN_NORMAL) {
      return candidate;
    }
    BigDecimal exact = new BigDecimal(d);
    int length = candidate.s().length();
    BigDecimal best = nearestRoundTrip(exact, d, length);
    while (length > 1) {
      BigDecimal shorter = nearestRoundTrip(exact, d, length - 1);
      if (shorter == null) {
        break;
      }
      best = shorter;
      length--;
    }
    if (best == null) {
      return candidate; // cannot happen: Double.toString always reads back
    }
    BigDecimal stripped = best.stripTrailingZeros();
    String s = stripped.unscaledValue().toString();
    return new Digits(s, s.length() - stripped.scale());
  }

  /**
   * Of the two decimals with {@code precision} significant digits around {@code exact}, the one
   * that reads back to {@code d} and is nearest (ties: even last digit), or null.
   */
  private static BigDecimal nearestRoundTrip(BigDecimal exact, double d, int precision) {
    BigDecimal down = exact.round(new MathContext(precision, RoundingMode.DOWN));
    BigDecimal up = exact.round(new MathContext(precision, RoundingMode.UP));
    boolean downOk = down.doubleValue() == d;
    boolean upOk = up.doubleValue() == d;
    if (downOk && upOk) {
      int cmp = exact.subtract(down).compareTo(up.subtract(exact));
      if (cmp != 0) {
        return cmp < 0 ? down : up;
      }
      return down.unscaledValue().testBit(0) ? up : down;
    }
    return downOk ? down : upOk ? up : null;
  }

  /** Parses {@code 123.45}, {@code 0.00123} or {@code 1.2345E-7} into digits and exponent. */
  private static Digits fromJavaString(String javaString) {
    int e = javaString.indexOf('E');
    String mantissa = e < 0 ? javaString : javaString.substring(0, e);
    int exponent = e < 0 ? 0 : Integer.parseInt(javaString, e + 1, javaString.length(), 10);
    int dot = mantissa.indexOf('.');
    String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
    int n = dot + exponent;
    int first = 0;
    while (first < all.length() - 1 && all.charAt(first) == '0') {
      first++;
      n--;
    }
    int last = all.length();
    while (last > first + 1 && all.charAt(last - 1) == '0') {
      last--;
    }
    return new Digits(all.substring(first, last), n);
  }

  /** Number::toString steps 6 to 10 for a positive value. */
  static void format(Digits digits, StringBuilder out) {
    String s = digits.s();
    int k = s.length();
    int n = digits.n();
    if (k <= n && n <= 21) {
      out.append(s);
      out.append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(s, 0, n).append('.').append(s, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(s);
    } else {
      out.append(s.charAt(0));
      if (k > 1) {
        out.append('.').append(s, 1, k);
      }
      int exp = n - 1;
      out.append('e').append(exp < 0 ? '-' : '+').append(Math.abs(exp));
    }
  }
}
