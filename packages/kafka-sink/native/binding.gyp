# The batch producer addon of @recon/kafka-sink (batch-producer.c). Built by
# scripts/build-librdkafka.mjs after @confluentinc/kafka-javascript, whose build provides the
# librdkafka shared library this links against (build/deps/librdkafka.so.1, found at run time
# through the rpath) and whose npm tarball has librdkafka's headers (deps/librdkafka/src).
{
  "variables": {
    "rdkafka_dir%": "<!(node -p \"require('path').dirname(require.resolve('@confluentinc/kafka-javascript/package.json'))\")"
  },
  "targets": [
    {
      "target_name": "recon_batch_producer",
      "sources": ["batch-producer.c"],
      "include_dirs": ["<(rdkafka_dir)/deps/librdkafka/src"],
      "cflags": ["-std=gnu11", "-O2", "-Wall", "-Wno-ignored-qualifiers"],
      "libraries": ["<(rdkafka_dir)/build/deps/librdkafka.so.1", "-Wl,-rpath,<(rdkafka_dir)/build/deps"],
      "xcode_settings": { "OTHER_CFLAGS": ["-std=gnu11", "-O2"] }
    }
  ]
}
