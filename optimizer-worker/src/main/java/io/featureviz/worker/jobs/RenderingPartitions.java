package io.featureviz.worker.jobs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions of {@code fv.jobs} a member renders from, carried at the end of its
 * subscription's user data, after the assignor's own bytes: the topic, its length, the
 * partition numbers, their count. Read from the end, so the bytes before are left to their owner.
 */
final class RenderingPartitions {

  private RenderingPartitions() {}

  /** {@code prefix}, then {@code partitions}, which all belong to {@code topic}. */
  static ByteBuffer append(ByteBuffer prefix, String topic, Set<TopicPartition> partitions) {
    ByteBuffer head = prefix == null ? ByteBuffer.allocate(0) : prefix.duplicate();
    byte[] name = topic.getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(head.remaining() + name.length + Short.BYTES
        + Integer.BYTES * (partitions.size() + 1));
    out.put(head).put(name).putShort((short) name.length);
    partitions.forEach(p -> out.putInt(p.partition()));
    return out.putInt(partitions.size()).flip();
  }

  /** The partitions at the end of {@code userData}; none when it carries none. */
  static List<TopicPartition> read(Optional<ByteBuffer> userData) {
    if (userData.isEmpty()) {
      return List.of();
    }
    ByteBuffer data = userData.get().duplicate();
    int end = data.limit() - Integer.BYTES;
    if (end - Short.BYTES < data.position()) {
      return List.of();
    }
    int count = data.getInt(end);
    int numbers = end - Integer.BYTES * count;
    int nameLength = numbers - Short.BYTES < data.position() || count < 0
        ? -1 : data.getShort(numbers - Short.BYTES);
    int nameStart = numbers - Short.BYTES - nameLength;
    if (nameLength < 0 || nameStart < data.position()) {
      return List.of();
    }
    byte[] name = new byte[nameLength];
    data.get(nameStart, name);
    String topic = new String(name, StandardCharsets.UTF_8);
    List<TopicPartition> partitions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      partitions.add(new TopicPartition(topic, data.getInt(numbers + Integer.BYTES * i)));
    }
    return partitions;
  }
}
