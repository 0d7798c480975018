package io.featureviz.contracts.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The channels a sweep asks for, as ranges such as {@code "0-63,100"}: comma-separated channel
 * indexes or inclusive {@code FROM-TO} ranges, spaces allowed around each item and nothing else.
 * Overlapping ranges select a channel once. The job API reads a sweep's {@code channels} with it,
 * and {@code ./fv sweep} checks its option with it before sending anything.
 */
public record ChannelRanges(List<Range> ranges) {

  /** Channels FROM to TO, both included. */
  public record Range(int from, int to) {}

  /** Nine digits: no layer has a billion channels, and no number overflows. */
  private static final Pattern ITEM = Pattern.compile("\\s*(\\d{1,9})\\s*(?:-\\s*(\\d{1,9})\\s*)?");

  public ChannelRanges {
    ranges = List.copyOf(ranges);
  }

  /** @throws IllegalArgumentException saying which item is wrong and how it should look */
  public static ChannelRanges parse(String text) {
    List<Range> ranges = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      Matcher matcher = ITEM.matcher(item);
      if (!matcher.matches()) {
        throw new IllegalArgumentException("'" + item.strip() + "' is no channel or range;"
            + " write channels and ranges such as \"0-63,100\"");
      }
      int from = Integer.parseInt(matcher.group(1));
      int to = matcher.group(2) == null ? from : Integer.parseInt(matcher.group(2));
      if (to < from) {
        throw new IllegalArgumentException("range " + from + "-" + to + " runs backwards");
      }
      ranges.add(new Range(from, to));
    }
    return new ChannelRanges(ranges);
  }

  /** The highest channel asked for. */
  public int max() {
    return ranges.stream().mapToInt(Range::to).max().orElseThrow();
  }

  /** The channels asked for that a layer of {@code channels} channels has, ascending. */
  public List<Integer> within(int channels) {
    return IntStream.range(0, channels).filter(this::contains).boxed().toList();
  }

  private boolean contains(int channel) {
    return ranges.stream().anyMatch(r -> r.from() <= channel && channel <= r.to());
  }
}
