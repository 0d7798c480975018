package io.featureviz.devstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.messages.Topics;
import io.featureviz.objectstore.MinioClients;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Each node of the stack, used for real through the clients the services use. */
class DevStackTest {

  private static final int TWO_MIB = 2 * 1024 * 1024;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final DevStack stack = DevStackTestResource.stack();

  @Test
  void testResourceHandsTheServicesExactlyTheirConfiguration() {
    Map<String, String> properties = new DevStackTestResource().start();

    assertEquals(Set.of("kafka.bootstrap.servers", "quarkus.datasource.jdbc.url", "quarkus.datasource.username",
        "quarkus.datasource.password", "fv.storage.endpoint", "fv.storage.access-key", "fv.storage.secret-key",
        "fv.storage.bucket", "fv.storage.region"), properties.keySet());
    assertEquals(stack.properties(), properties);
    assertEquals("featureviz", properties.get("fv.storage.bucket"));
    assertEquals("us-east-1", properties.get("fv.storage.region"));
  }

  @Test
  void createsTheFeaturevizTopics() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
      Map<String, TopicDescription> topics =
          admin.describeTopics(List.of(Topics.JOBS, Topics.FRAMES, Topics.EVENTS, Topics.JOBS_DLQ,
              Topics.MODEL_IMPORTS, Topics.MODELS, Topics.CANCELLATIONS)).allTopicNames().get();

      assertEquals(3, topics.get(Topics.JOBS).partitions().size());
      assertEquals(3, topics.get(Topics.FRAMES).partitions().size());
      assertEquals(3, topics.get(Topics.EVENTS).partitions().size());
      assertEquals(1, topics.get(Topics.JOBS_DLQ).partitions().size());
      assertEquals(Topics.JOBS_PARTITIONS, topics.get(Topics.MODEL_IMPORTS).partitions().size());
      assertEquals(1, topics.get(Topics.MODELS).partitions().size());
      assertEquals(1, topics.get(Topics.CANCELLATIONS).partitions().size());
    }
  }

  @Test
  void framesDeadLettersAndCancellationsHaveTheRetentionOfTheContracts() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
      for (String topic : List.of(Topics.FRAMES, Topics.JOBS_DLQ, Topics.CANCELLATIONS)) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);

        assertTrue(Topics.config(topic).containsKey("retention.ms"), topic);
        Topics.config(topic).forEach((key, value) -> assertEquals(value, config.get(key).value(), topic + " " + key));
      }
    }
  }

  @Test
  void modelCatalogIsCompacted() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.MODELS);
      Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);

      assertEquals("compact", Topics.config(Topics.MODELS).get("cleanup.policy"));
      assertEquals("compact", config.get("cleanup.policy").value());
    }
  }

  @Test
  void kafkaCarriesAFrameSizedMessage() {
    String topic = "devstack-test-" + UUID.randomUUID(); // auto-created
    byte[] frame = randomBytes(TWO_MIB);

    send(topic, "job-1", frame);

    assertArrayEquals(frame, receiveAll(topic, 1).get(0).value());
  }

  @Test
  void kafkaKeepsItsPortAndDataAcrossARestart() {
    String topic = "devstack-restart-" + UUID.randomUUID();
    send(topic, "before", new byte[] {1});

    stack.kafka().restart();
    send(topic, "after", new byte[] {2});

    assertEquals(List.of("before", "after"), receiveAll(topic, 2).stream().map(ConsumerRecord::key).toList());
  }

  @Test
  void objectStoreServesPutStatGetListAndPresignedGet() throws Exception {
    byte[] png = randomBytes(300_000);
    String key = "jobs/" + UUID.randomUUID() + "/frame-0001.png";
    try (MinioClient s3 = minio()) {
      assertTrue(s3.bucketExists(BucketExistsArgs.builder().bucket(DevStack.BUCKET).build()));

      s3.putObject(PutObjectArgs.builder().bucket(DevStack.BUCKET).object(key)
          .stream(new ByteArrayInputStream(png), (long) png.length, null)
          .contentType("image/png").userMetadata(Map.of("step", "1")).build());

      var stat = s3.statObject(StatObjectArgs.builder().bucket(DevStack.BUCKET).object(key).build());
      assertEquals(png.length, stat.size());
      assertEquals("image/png", stat.contentType());
      assertEquals("1", stat.userMetadata().getFirst("step"));
      try (InputStream in = s3.getObject(GetObjectArgs.builder().bucket(DevStack.BUCKET).object(key).build())) {
        assertArrayEquals(png, in.readAllBytes());
      }
      List<String> listed = new ArrayList<>();
      for (Result<Item> item : s3.listObjects(
          ListObjectsArgs.builder().bucket(DevStack.BUCKET).prefix(key.substring(0, key.lastIndexOf('/') + 1))
              .recursive(true).build())) {
        listed.add(item.get().objectName());
      }
      assertEquals(List.of(key), listed);

      String url = s3.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
          .method(Http.Method.GET).bucket(DevStack.BUCKET).object(key).expiry(60).build());
      HttpResponse<byte[]> download = get(url);
      assertEquals(200, download.statusCode());
      assertArrayEquals(png, download.body());
    }
  }

  @Test
  void objectStoreRefusesUnsignedReads() throws Exception {
    String key = "private/" + UUID.randomUUID();
    try (MinioClient s3 = minio()) {
      s3.putObject(PutObjectArgs.builder().bucket(DevStack.BUCKET).object(key)
          .stream(new ByteArrayInputStream(new byte[] {1}), 1L, null).build());
    }

    assertEquals(403, get(stack.s3().endpoint() + "/" + DevStack.BUCKET + "/" + key).statusCode());
  }

  @Test
  void objectStoreKeepsObjectsAcrossAnOutage() throws Exception {
    String key = "outage/" + UUID.randomUUID();
    byte[] data = randomBytes(1000);
    try (MinioClient s3 = minio()) {
      s3.putObject(PutObjectArgs.builder().bucket(DevStack.BUCKET).object(key)
          .stream(new ByteArrayInputStream(data), (long) data.length, null).build());

      stack.s3().stop();
      try {
        assertThrows(ConnectException.class, () -> get(stack.s3().endpoint() + "/"));
      } finally {
        stack.s3().start();
      }

      try (InputStream in = s3.getObject(GetObjectArgs.builder().bucket(DevStack.BUCKET).object(key).build())) {
        assertArrayEquals(data, in.readAllBytes());
      }
    }
  }

  @Test
  void postgresRunsSqlInTheFeaturevizDatabase() throws Exception {
    var pg = stack.postgres();
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE devstack_probe (id serial PRIMARY KEY, name text NOT NULL)");
      s.execute("INSERT INTO devstack_probe (name) VALUES ('a'), ('b')");
      try (ResultSet rs = s.executeQuery(
          "SELECT current_database(), current_user, string_agg(name, ',' ORDER BY id) FROM devstack_probe")) {
        assertTrue(rs.next());
        assertEquals("featureviz", rs.getString(1));
        assertEquals(pg.username(), rs.getString(2));
        assertEquals("a,b", rs.getString(3));
      }
      s.execute("DROP TABLE devstack_probe");
    }
  }

  private MinioClient minio() {
    return MinioClients.create(stack.s3().endpoint(), stack.s3().accessKey(),
        stack.s3().secretKey(), DevStack.REGION);
  }

  private static HttpResponse<byte[]> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private void send(String topic, String key, byte[] value) {
    try (var producer = new KafkaProducer<>(Map.<String, Object>of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KraftConfig.MAX_MESSAGE_BYTES),
        new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, 0, key, value)).get();
    } catch (Exception e) {
      throw new AssertionError("could not send to " + topic, e);
    }
  }

  /** Reads {@code count} records from the start of the topic, failing after 30 s. */
  private List<ConsumerRecord<String, byte[]>> receiveAll(String topic, int count) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "devstack-test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, KraftConfig.MAX_MESSAGE_BYTES),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    assertEquals(count, records.size(), "records on " + topic);
    return records;
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new Random(n).nextBytes(bytes);
    return bytes;
  }
}
