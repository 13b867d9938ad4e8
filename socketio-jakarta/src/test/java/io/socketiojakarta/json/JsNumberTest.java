package io.socketiojakarta.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Double formatting against values printed by Node's JSON.stringify (IEEE bits, then text). */
class JsNumberTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1c0d57f10c894254 1.4830122828920016e-173",
        "43f04a6ece53d613 18781959765316678000",
        "e2b8410510668fa6 -3.575532127436644e+167",
        "d5f2e30a9e501b7d -1.0829258728928171e+106",
        "535c8ea8a4e05948 3.7230187291668613e+93",
        "8f7b1bac9609eaf7 -4.262874002980358e-234",
        "cb3af636587957ba -2.5824242072052563e+54",
        "6438f14dfe833301 6.169062368256605e+174",
        "d0af9825c659f77c -4.682717518917287e+80",
        "302bd02b522a861b 1.2009957333271821e-76",
        "fd70522e931f790e -1.6677967842578716e+296",
        "fba9a1630e23bac5 -4.878446657335358e+287",
        "29616ccb5e0010f0 2.318589285015657e-109",
        "d37bf421a1818b7f -1.4577297053362402e+94",
        "7a5b1baa844c07a2 2.4603368763737895e+281",
        "552e421879d836c9 2.1178316544328792e+102",
        "a92e8eaf3493d9a4 -2.5412503051231247e-110",
        "5fe48bdeead11f23 8.60880578948587e+153",
        "618d3e487ffb5776 8.222691106237041e+161",
        "5cd158ba16a76b0d 1.29107691235244e+139",
        "07727df42b81c598 8.54570675525937e-273",
        "16e635e91fb5a507 2.3213088696070116e-198",
        "38c4ac26c846fc8a 3.1104470921459883e-35",
        "8ade8c37577c5b91 -2.5430944865444634e-256",
        "a7e5b8ad611588cc -1.722738704669676e-116",
        "83785723e5c9c12b -6.097780315332402e-292",
        "dab33022a4b9cade -8.312822724526027e+128",
        "41b96ab112ea4c55 426422546.91522723",
        "4b0e14fa2fee1740 3.601597095685222e+53",
        "7402f3fb0a0a578f 6.784931974924426e+250",
        "400921fb54442d18 3.141592653589793",
        "4005bf0a8b145769 2.718281828459045",
        "3fe5555555555555 0.6666666666666666",
        "3dc2533fe68fd3d2 3.3333333333333335e-11",
        "00005c0ab9347ed7 5e-310",
        "40fe240c9fbe76c9 123456.789",
        "3fd3333333333334 0.30000000000000004",
        "444b1ae4d6e2ef4f 999999999999999900000",
        "4341c37937e08001 10000000000000002"
      })
  void matchesNode(String golden) {
    String[] parts = golden.split(" ");
    double d = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
    assertThat(JsonTree.write(d)).isEqualTo(parts[1]);
  }

  @Test
  void randomDoublesReadBackAndAreNoLongerThanJavasDigits() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 20_000; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
        continue;
      }
      String js = JsonTree.write(d);
      assertThat(Double.parseDouble(js)).as(js).isEqualTo(d);
      JsNumber.Digits digits = JsNumber.shortest(Math.abs(d));
      assertThat(digits.s()).doesNotEndWith("0").hasSizeLessThanOrEqualTo(17);
    }
  }
}
