package io.featureviz.sink;

import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.objectstore.MinioClients;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.messages.Item;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the sink tests do from outside: produce with a plain producer, read with plain SQL and a
 * plain S3 client. A bean of the tests, so that each test class injects it.
 */
@Singleton
class SinkTestSupport {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final KafkaProducer<String, byte[]> producer;
  private final AgroalDataSource dataSource;
  private final MinioClient s3;
  private final String bucket;

  SinkTestSupport(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      AgroalDataSource dataSource, SinkConfig config) {
    Properties producerConfig = new Properties();
    producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
    this.producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    this.dataSource = dataSource;
    this.s3 = MinioClients.create(config.storage().endpoint(), config.storage().accessKey(),
        config.storage().secretKey(), config.storage().region());
    this.bucket = config.storage().bucket();
  }

  /** A PNG with a gradient, so that two sizes or seeds give different bytes. */
  static byte[] png(int width, int height, int seed) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | seed & 0xff);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  void sendFrame(FrameHeaders frame, byte[] value) throws Exception {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(Topics.FRAMES, frame.jobId(), value);
    frame.toHeaders().forEach((name, bytes) -> record.headers().add(name, bytes));
    producer.send(record).get();
  }

  /** Keyed by {@code key}, which decides the partition and so the order, whatever the job. */
  void sendEvent(String key, JobEvent event) throws Exception {
    producer.send(new ProducerRecord<>(Topics.EVENTS, key, Messages.write(event))).get();
  }

  void send(String topic, String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get();
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
  int update(String sql, Object... args) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      return statement.executeUpdate();
    }
  }

  /** Rows of a query as column maps. */
  List<Map<String, Object>> rows(String sql, Object... args) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        select.setObject(i + 1, args[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
            row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  /** The first row of the query once there is one. */
  Map<String, Object> awaitRow(String sql, Object... args) {
    return await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
        .until(() -> rows(sql, args), rows -> !rows.isEmpty()).get(0);
  }

  StatObjectResponse stat(String key) throws Exception {
    return s3.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
  }

  void put(String key, byte[] content) throws Exception {
    s3.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
        .stream(new ByteArrayInputStream(content), (long) content.length, -1L).build());
  }

  /** Keys of the objects under a prefix, sorted. */
  List<String> keys(String prefix) throws Exception {
    List<String> keys = new ArrayList<>();
    for (Result<Item> result : s3.listObjects(ListObjectsArgs.builder().bucket(bucket)
        .prefix(prefix).recursive(true).build())) {
      keys.add(result.get().objectName());
    }
    return keys.stream().sorted().toList();
  }

  byte[] download(String key) throws Exception {
    try (InputStream in = s3.getObject(GetObjectArgs.builder().bucket(bucket).object(key)
        .build())) {
      return in.readAllBytes();
    }
  }

  @PreDestroy
  void close() throws Exception {
    producer.close();
    s3.close();
  }
}
