package io.slacker.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationConverterTest {

  private final DurationConverter converter = new DurationConverter();

  @Test
  void readsTheUnitsPeopleType() {
    assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
    assertEquals(Duration.ofSeconds(2), converter.convert("2s"));
    assertEquals(Duration.ofMinutes(1), converter.convert("1m"));
    assertEquals(Duration.ofHours(3), converter.convert("3h"));
  }

  @Test
  void refusesWhatIsNotADuration() {
    for (String bad : new String[] {"2", "s", "-1s", "1.5s", "0s", "2 s", "2d"}) {
      assertThrows(TypeConversionException.class, () -> converter.convert(bad), bad);
    }
  }

  @Test
  void formatsForMessages() {
    assertEquals("2s", DurationConverter.format(Duration.ofSeconds(2)));
    assertEquals("1500ms", DurationConverter.format(Duration.ofMillis(1500)));
  }
}
