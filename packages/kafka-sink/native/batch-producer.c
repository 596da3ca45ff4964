/*
 * A batch producer over librdkafka for @recon/kafka-sink (the `librdkafka-batch` adapter).
 *
 * Why it exists: through @confluentinc/kafka-javascript each message costs one JS -> C++ call
 * that reads its headers through V8 property lookups and copies every string twice, plus one
 * delivery report object dispatched back to JavaScript. Here a whole write is one call (every
 * byte in one Buffer, offsets in Int32Arrays, repeated headers stored once), and its delivery
 * reports are counted on librdkafka's background thread and surface as one notice per write
 * (with the first error). docs/benchmarks.md, "Kafka producer throughput", has the figures.
 *
 * Threads: `produce`, `create` and the completions of `run` run on the JavaScript thread;
 * delivery reports, errors and log lines arrive on librdkafka's background thread (the main queue
 * is forwarded to it) and reach JavaScript through one thread-safe function per producer; the
 * blocking calls (transactions, flush, destroy) run on the libuv pool.
 *
 * Plain C against Node-API (no node-addon-api dependency); links against the librdkafka shared
 * library that @confluentinc/kafka-javascript's build produces (see binding.gyp).
 */
#include <node_api.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rdkafka.h"

#define MAX_TOPICS 16
#define MESSAGE_SLOTS 6
#define HEADER_SLOTS 4

typedef struct producer producer_t;

/* One `produce` call: counted down by its delivery reports. */
typedef struct batch {
  uint32_t id;
  /* Messages not yet reported, plus 1 while `produce` is still enqueueing. */
  atomic_int remaining;
  /* Written on the background thread only; read on the JS thread after the notice. */
  int error_count;
  rd_kafka_resp_err_t first_error;
  char first_error_text[256];
} batch_t;

enum notice_kind { NOTICE_BATCH = 1, NOTICE_ERROR = 2, NOTICE_LOG = 3 };

/* What the background thread hands to the JS thread. */
typedef struct notice {
  int kind;
  batch_t *batch;
  int code;
  int detail; /* NOTICE_ERROR: 1 when fatal; NOTICE_LOG: syslog level */
  char text[512];
} notice_t;

struct producer {
  rd_kafka_t *rk;
  napi_threadsafe_function tsfn;
  /* JS thread only: batches whose notice has not run yet (the tsfn keeps the loop alive while > 0). */
  int outstanding;
  /* JS thread only: set when `close` is queued; nothing may use `rk` after that. */
  int closing;
  /* JS thread only: `close` finished (librdkafka destroyed, the thread-safe function released). */
  int closed;
  /* JS thread only: the struct is freed once both the handle and the thread-safe function are gone. */
  int handle_gone, tsfn_gone;
  struct {
    char *name;
    rd_kafka_topic_t *rkt;
  } topics[MAX_TOPICS];
  int topic_count;
};

#define CHECK(env, call)                                        \
  do {                                                          \
    if ((call) != napi_ok) {                                    \
      napi_throw_error(env, NULL, "recon batch producer: " #call " failed"); \
      return NULL;                                              \
    }                                                           \
  } while (0)

static void post(producer_t *p, notice_t *n) {
  if (napi_call_threadsafe_function(p->tsfn, n, napi_tsfn_nonblocking) != napi_ok) {
    if (n->kind == NOTICE_BATCH) free(n->batch);
    free(n);
  }
}

static void batch_done(producer_t *p, batch_t *b) {
  notice_t *n = calloc(1, sizeof(notice_t));
  if (!n) return;
  n->kind = NOTICE_BATCH;
  n->batch = b;
  post(p, n);
}

/* librdkafka's background thread: delivery reports and errors. */
static void background_event(rd_kafka_t *rk, rd_kafka_event_t *ev, void *opaque) {
  producer_t *p = opaque;
  switch (rd_kafka_event_type(ev)) {
    case RD_KAFKA_EVENT_DR: {
      const rd_kafka_message_t *m;
      while ((m = rd_kafka_event_message_next(ev))) {
        batch_t *b = m->_private;
        if (!b) continue;
        if (m->err && b->error_count++ == 0) {
          b->first_error = m->err;
          snprintf(b->first_error_text, sizeof b->first_error_text, "%s", rd_kafka_message_errstr(m));
        }
        if (atomic_fetch_sub(&b->remaining, 1) == 1) batch_done(p, b);
      }
      break;
    }
    case RD_KAFKA_EVENT_ERROR: {
      notice_t *n = calloc(1, sizeof(notice_t));
      if (!n) break;
      n->kind = NOTICE_ERROR;
      n->code = rd_kafka_event_error(ev);
      n->detail = rd_kafka_event_error_is_fatal(ev);
      snprintf(n->text, sizeof n->text, "%s", rd_kafka_event_error_string(ev));
      if (n->detail) n->code = rd_kafka_fatal_error(rk, n->text, sizeof n->text); /* the underlying cause */
      post(p, n);
      break;
    }
    default:
      break;
  }
  rd_kafka_event_destroy(ev);
}

/*
 * Any librdkafka thread (and the JS thread inside rd_kafka_new): log lines. Log lines are not
 * events the background queue can carry (librdkafka would print them to stderr), hence a callback.
 */
static void log_line(const rd_kafka_t *rk, int level, const char *facility, const char *text) {
  producer_t *p = rd_kafka_opaque(rk);
  notice_t *n = calloc(1, sizeof(notice_t));
  if (!p || !n) {
    free(n);
    return;
  }
  n->kind = NOTICE_LOG;
  n->detail = level;
  snprintf(n->text, sizeof n->text, "%s: %s", facility, text);
  post(p, n);
}

/* JS thread: handler(batchId, errorCount, code, text), handler(-1, fatal, code, text) or handler(-2, level, 0, text). */
static void call_js(napi_env env, napi_value handler, void *context, void *data) {
  notice_t *n = data;
  producer_t *p = context;
  if (env && handler) {
    napi_value args[4], undefined;
    napi_get_undefined(env, &undefined);
    if (n->kind == NOTICE_BATCH) {
      napi_create_uint32(env, n->batch->id, &args[0]);
      napi_create_int32(env, n->batch->error_count, &args[1]);
      napi_create_int32(env, n->batch->first_error, &args[2]);
      napi_create_string_utf8(env, n->batch->first_error_text, NAPI_AUTO_LENGTH, &args[3]);
    } else {
      napi_create_int32(env, n->kind == NOTICE_ERROR ? -1 : -2, &args[0]);
      napi_create_int32(env, n->detail, &args[1]);
      napi_create_int32(env, n->code, &args[2]);
      napi_create_string_utf8(env, n->text, NAPI_AUTO_LENGTH, &args[3]);
    }
    napi_call_function(env, undefined, handler, 4, args, NULL);
  }
  if (n->kind == NOTICE_BATCH) {
    free(n->batch);
    if (--p->outstanding == 0 && env && !p->closed) napi_unref_threadsafe_function(env, p->tsfn);
  }
  free(n);
}

static void throw_rdkafka(napi_env env, rd_kafka_resp_err_t err, const char *text) {
  napi_value message, code, error;
  napi_create_string_utf8(env, text ? text : rd_kafka_err2str(err), NAPI_AUTO_LENGTH, &message);
  napi_create_int32(env, err, &code);
  napi_create_error(env, NULL, message, &error);
  napi_set_named_property(env, error, "code", code);
  napi_throw(env, error);
}

static char *string_of(napi_env env, napi_value v) {
  size_t len;
  if (napi_get_value_string_utf8(env, v, NULL, 0, &len) != napi_ok) return NULL;
  char *s = malloc(len + 1);
  if (s) napi_get_value_string_utf8(env, v, s, len + 1, &len);
  return s;
}

/* The handle was garbage-collected (or Node is exiting). */
static void finalize_handle(napi_env env, void *data, void *hint) {
  producer_t *p = data;
  p->handle_gone = 1;
  if (p->tsfn_gone) free(p);
}

/*
 * The thread-safe function is gone: after `close` released it and its queued notices ran, or at
 * Node's exit. Without a `close`, librdkafka's threads still hold `p`: it is never freed (an
 * unclosed producer leaks, as an unclosed client of any library does).
 */
static void finalize_tsfn(napi_env env, void *data, void *hint) {
  producer_t *p = data;
  if (!p->closed) return;
  p->tsfn_gone = 1;
  if (p->handle_gone) free(p);
}

/* create(config: string[] (name, value, ...), handler) -> handle */
static napi_value create(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  uint32_t n;
  CHECK(env, napi_get_array_length(env, argv[0], &n));
  char errstr[512] = "";
  rd_kafka_conf_t *conf = rd_kafka_conf_new();
  for (uint32_t i = 0; i + 1 < n; i += 2) {
    napi_value k, v;
    napi_get_element(env, argv[0], i, &k);
    napi_get_element(env, argv[0], i + 1, &v);
    char *ks = string_of(env, k), *vs = string_of(env, v);
    int ok = ks && vs && rd_kafka_conf_set(conf, ks, vs, errstr, sizeof errstr) == RD_KAFKA_CONF_OK;
    free(ks);
    free(vs);
    if (!ok) {
      rd_kafka_conf_destroy(conf);
      throw_rdkafka(env, RD_KAFKA_RESP_ERR__INVALID_ARG, errstr[0] ? errstr : "configuration names and values must be strings");
      return NULL;
    }
  }
  producer_t *p = calloc(1, sizeof(producer_t));
  rd_kafka_conf_set_opaque(conf, p);
  rd_kafka_conf_set_events(conf, RD_KAFKA_EVENT_DR | RD_KAFKA_EVENT_ERROR);
  rd_kafka_conf_set_background_event_cb(conf, background_event);
  rd_kafka_conf_set_log_cb(conf, log_line);
  napi_value name;
  napi_create_string_utf8(env, "recon-batch-producer", NAPI_AUTO_LENGTH, &name);
  if (napi_create_threadsafe_function(env, argv[1], NULL, name, 0, 1, p, finalize_tsfn, p, call_js, &p->tsfn) != napi_ok) {
    rd_kafka_conf_destroy(conf);
    free(p);
    napi_throw_error(env, NULL, "recon batch producer: cannot create its thread-safe function");
    return NULL;
  }
  /* Referenced only while batches are outstanding: an idle producer does not keep Node running. */
  napi_unref_threadsafe_function(env, p->tsfn);
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr); /* owns conf on success */
  if (!rk) { /* conf is still ours; p is freed by the tsfn's finalizer */
    rd_kafka_conf_destroy(conf);
    p->closed = p->handle_gone = 1;
    napi_release_threadsafe_function(p->tsfn, napi_tsfn_abort);
    throw_rdkafka(env, RD_KAFKA_RESP_ERR__INVALID_ARG, errstr);
    return NULL;
  }
  p->rk = rk;
  /* Delivery reports and errors go to the main queue: serve it in the background. */
  rd_kafka_queue_t *main_queue = rd_kafka_queue_get_main(rk);
  rd_kafka_queue_t *background = rd_kafka_queue_get_background(rk);
  rd_kafka_queue_forward(main_queue, background);
  rd_kafka_queue_destroy(main_queue);
  rd_kafka_queue_destroy(background);
  napi_value handle;
  CHECK(env, napi_create_external(env, p, finalize_handle, NULL, &handle));
  return handle;
}

static producer_t *open_producer(napi_env env, napi_value handle) {
  producer_t *p = NULL;
  if (napi_get_value_external(env, handle, (void **)&p) != napi_ok || !p) {
    napi_throw_type_error(env, NULL, "recon batch producer: not a producer handle");
    return NULL;
  }
  if (p->closing) {
    throw_rdkafka(env, RD_KAFKA_RESP_ERR__DESTROY, "the producer is closed");
    return NULL;
  }
  return p;
}

static rd_kafka_topic_t *topic_of(producer_t *p, const char *name) {
  for (int i = 0; i < p->topic_count; i++)
    if (strcmp(p->topics[i].name, name) == 0) return p->topics[i].rkt;
  rd_kafka_topic_t *rkt = rd_kafka_topic_new(p->rk, name, NULL);
  if (!rkt) return NULL;
  if (p->topic_count == MAX_TOPICS) { /* forget the oldest (librdkafka keeps its own reference while messages are queued) */
    rd_kafka_topic_destroy(p->topics[0].rkt);
    free(p->topics[0].name);
    memmove(&p->topics[0], &p->topics[1], sizeof p->topics[0] * (MAX_TOPICS - 1));
    p->topic_count--;
  }
  p->topics[p->topic_count].name = strdup(name);
  p->topics[p->topic_count].rkt = rkt;
  p->topic_count++;
  return rkt;
}

static int32_t *int32_array(napi_env env, napi_value v, size_t *length) {
  napi_typedarray_type type;
  void *data;
  if (napi_get_typedarray_info(env, v, &type, length, &data, NULL, NULL) != napi_ok || type != napi_int32_array) return NULL;
  return data;
}

/*
 * produce(handle, topic, data: Buffer, messages: Int32Array, refs: Int32Array, headers: Int32Array,
 *         start, end, id) -> number of messages enqueued as batch `id`
 * (layout: src/rdkafka-batch/pack-messages.ts). Stops early when librdkafka's local queue is full;
 * throws when it could enqueue none for another reason. Every offset is checked against `data`.
 */
static napi_value produce(napi_env env, napi_callback_info info) {
  size_t argc = 9;
  napi_value argv[9];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  producer_t *p = open_producer(env, argv[0]);
  if (!p) return NULL;
  char topic[256];
  size_t topic_len;
  CHECK(env, napi_get_value_string_utf8(env, argv[1], topic, sizeof topic, &topic_len));
  if (topic_len >= sizeof topic - 1) { /* Kafka allows 249 characters; never truncate silently */
    throw_rdkafka(env, RD_KAFKA_RESP_ERR__INVALID_ARG, "topic name too long");
    return NULL;
  }
  char *data;
  size_t data_len, messages_len, refs_len, headers_len;
  CHECK(env, napi_get_buffer_info(env, argv[2], (void **)&data, &data_len));
  int32_t *messages = int32_array(env, argv[3], &messages_len);
  int32_t *refs = int32_array(env, argv[4], &refs_len);
  int32_t *headers = int32_array(env, argv[5], &headers_len);
  int32_t start, end;
  uint32_t id;
  CHECK(env, napi_get_value_int32(env, argv[6], &start));
  CHECK(env, napi_get_value_int32(env, argv[7], &end));
  CHECK(env, napi_get_value_uint32(env, argv[8], &id));
  if (!messages || !refs || !headers || start < 0 || end < start || (size_t)end * MESSAGE_SLOTS > messages_len) {
    napi_throw_range_error(env, NULL, "recon batch producer: bad message layout");
    return NULL;
  }
  /* Validate the whole range first: a bad offset must not enqueue half a write. */
  for (int32_t i = start; i < end; i++) {
    const int32_t *m = messages + (size_t)i * MESSAGE_SLOTS;
    int bad = m[0] < 0 || m[2] < 0 || m[4] < 0 || m[5] < 0 || (m[1] >= 0 && (size_t)m[0] + (size_t)m[1] > data_len) ||
              (m[3] >= 0 && (size_t)m[2] + (size_t)m[3] > data_len) || (size_t)m[4] + (size_t)m[5] > refs_len;
    for (int32_t r = 0; !bad && r < m[5]; r++) {
      int32_t e = refs[m[4] + r];
      const int32_t *h = headers + (size_t)e * HEADER_SLOTS;
      bad = e < 0 || ((size_t)e + 1) * HEADER_SLOTS > headers_len || h[0] < 0 || h[1] < 0 || h[2] < 0 ||
            (size_t)h[0] + (size_t)h[1] > data_len || (h[3] >= 0 && (size_t)h[2] + (size_t)h[3] > data_len);
    }
    if (bad) {
      napi_throw_range_error(env, NULL, "recon batch producer: bad message layout");
      return NULL;
    }
  }
  rd_kafka_topic_t *rkt = topic_of(p, topic);
  if (!rkt) {
    throw_rdkafka(env, rd_kafka_last_error(), NULL);
    return NULL;
  }
  batch_t *b = calloc(1, sizeof(batch_t));
  if (!b) {
    throw_rdkafka(env, RD_KAFKA_RESP_ERR__FAIL, "out of memory");
    return NULL;
  }
  b->id = id;
  atomic_init(&b->remaining, 1);
  rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR_NO_ERROR;
  int32_t i;
  for (i = start; i < end; i++) {
    const int32_t *m = messages + (size_t)i * MESSAGE_SLOTS;
    rd_kafka_headers_t *hdrs = NULL;
    if (m[5] > 0) {
      hdrs = rd_kafka_headers_new(m[5]);
      for (int32_t r = 0; r < m[5]; r++) {
        const int32_t *h = headers + (size_t)refs[m[4] + r] * HEADER_SLOTS;
        rd_kafka_header_add(hdrs, data + h[0], h[1], h[3] < 0 ? NULL : data + h[2], h[3] < 0 ? 0 : h[3]);
      }
    }
    void *key = m[1] < 0 ? NULL : data + m[0];
    void *value = m[3] < 0 ? NULL : data + m[2];
    size_t key_len = m[1] < 0 ? 0 : (size_t)m[1];
    size_t value_len = m[3] < 0 ? 0 : (size_t)m[3];
    atomic_fetch_add(&b->remaining, 1);
    /* F_COPY: librdkafka copies key and value, so the caller may reuse `data` once this returns. */
    err = rd_kafka_producev(p->rk, RD_KAFKA_V_RKT(rkt), RD_KAFKA_V_PARTITION(RD_KAFKA_PARTITION_UA), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                            RD_KAFKA_V_KEY(key, key_len), RD_KAFKA_V_VALUE(value, value_len), RD_KAFKA_V_HEADERS(hdrs), RD_KAFKA_V_OPAQUE(b),
                            RD_KAFKA_V_END);
    if (err) { /* not enqueued: the headers are still ours */
      atomic_fetch_sub(&b->remaining, 1);
      if (hdrs) rd_kafka_headers_destroy(hdrs);
      break;
    }
  }
  int32_t enqueued = i - start;
  if (enqueued > 0) {
    if (p->outstanding++ == 0) napi_ref_threadsafe_function(env, p->tsfn);
    if (atomic_fetch_sub(&b->remaining, 1) == 1) batch_done(p, b);
  } else {
    free(b);
    if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL) {
      throw_rdkafka(env, err, NULL);
      return NULL;
    }
  }
  napi_value result;
  CHECK(env, napi_create_int32(env, enqueued, &result));
  return result;
}

/* Blocking calls, on the libuv pool. */
enum op { OP_INIT_TRANSACTIONS, OP_BEGIN_TRANSACTION, OP_COMMIT_TRANSACTION, OP_ABORT_TRANSACTION, OP_FLUSH, OP_CLOSE };

typedef struct work {
  producer_t *p;
  int op;
  int timeout_ms;
  rd_kafka_error_t *error;
  rd_kafka_resp_err_t err;
  napi_deferred deferred;
  napi_async_work work;
} work_t;

static void work_execute(napi_env env, void *data) {
  work_t *w = data;
  rd_kafka_t *rk = w->p->rk;
  switch (w->op) {
    case OP_INIT_TRANSACTIONS: w->error = rd_kafka_init_transactions(rk, w->timeout_ms); break;
    case OP_BEGIN_TRANSACTION: w->error = rd_kafka_begin_transaction(rk); break;
    case OP_COMMIT_TRANSACTION: w->error = rd_kafka_commit_transaction(rk, w->timeout_ms); break;
    case OP_ABORT_TRANSACTION: w->error = rd_kafka_abort_transaction(rk, w->timeout_ms); break;
    case OP_FLUSH: w->err = rd_kafka_flush(rk, w->timeout_ms); break;
    case OP_CLOSE:
      rd_kafka_flush(rk, w->timeout_ms);
      for (int i = 0; i < w->p->topic_count; i++) {
        rd_kafka_topic_destroy(w->p->topics[i].rkt);
        free(w->p->topics[i].name);
      }
      w->p->topic_count = 0;
      rd_kafka_destroy(rk); /* stops the background thread: no event arrives after this */
      w->p->rk = NULL;
      break;
  }
}

static void set_flag(napi_env env, napi_value object, const char *name, int value) {
  napi_value flag;
  napi_get_boolean(env, value, &flag);
  napi_set_named_property(env, object, name, flag);
}

static void work_complete(napi_env env, napi_status status, void *data) {
  work_t *w = data;
  producer_t *p = w->p;
  if (w->error || w->err) {
    napi_value message, code, error;
    int c = w->error ? rd_kafka_error_code(w->error) : w->err;
    napi_create_string_utf8(env, w->error ? rd_kafka_error_string(w->error) : rd_kafka_err2str(w->err), NAPI_AUTO_LENGTH, &message);
    napi_create_error(env, NULL, message, &error);
    napi_create_int32(env, c, &code);
    napi_set_named_property(env, error, "code", code);
    if (w->error) {
      set_flag(env, error, "isFatal", rd_kafka_error_is_fatal(w->error));
      set_flag(env, error, "isRetriable", rd_kafka_error_is_retriable(w->error));
      set_flag(env, error, "isTxnRequiresAbort", rd_kafka_error_txn_requires_abort(w->error));
      rd_kafka_error_destroy(w->error);
    }
    napi_reject_deferred(env, w->deferred, error);
  } else {
    napi_value undefined;
    napi_get_undefined(env, &undefined);
    napi_resolve_deferred(env, w->deferred, undefined);
  }
  if (w->op == OP_CLOSE) {
    p->closed = 1;
    /* Notices already queued still run (call_js frees their batches); none can follow. */
    napi_release_threadsafe_function(p->tsfn, napi_tsfn_release);
  }
  napi_delete_async_work(env, w->work);
  free(w);
}

/* run(handle, op, timeoutMs) -> Promise<void>; rejects with { code, isFatal, isRetriable, isTxnRequiresAbort }. */
static napi_value run(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  producer_t *p = open_producer(env, argv[0]);
  if (!p) return NULL;
  int32_t op, timeout_ms;
  CHECK(env, napi_get_value_int32(env, argv[1], &op));
  CHECK(env, napi_get_value_int32(env, argv[2], &timeout_ms));
  if (op < OP_INIT_TRANSACTIONS || op > OP_CLOSE) {
    napi_throw_range_error(env, NULL, "recon batch producer: unknown operation");
    return NULL;
  }
  work_t *w = calloc(1, sizeof(work_t));
  w->p = p;
  w->op = op;
  w->timeout_ms = timeout_ms;
  napi_value promise, name;
  CHECK(env, napi_create_promise(env, &w->deferred, &promise));
  napi_create_string_utf8(env, "recon-batch-producer", NAPI_AUTO_LENGTH, &name);
  CHECK(env, napi_create_async_work(env, NULL, name, work_execute, work_complete, w, &w->work));
  CHECK(env, napi_queue_async_work(env, w->work));
  if (op == OP_CLOSE) p->closing = 1;
  return promise;
}

/* errorName(code) -> librdkafka's name of an error code (`MSG_SIZE_TOO_LARGE`, `_FENCED`). */
static napi_value error_name(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], result;
  CHECK(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  int32_t code;
  CHECK(env, napi_get_value_int32(env, argv[0], &code));
  CHECK(env, napi_create_string_utf8(env, rd_kafka_err2name(code), NAPI_AUTO_LENGTH, &result));
  return result;
}

/* librdkafka's version string. */
static napi_value version(napi_env env, napi_callback_info info) {
  napi_value result;
  CHECK(env, napi_create_string_utf8(env, rd_kafka_version_str(), NAPI_AUTO_LENGTH, &result));
  return result;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"create", NULL, create, NULL, NULL, NULL, napi_enumerable, NULL},
      {"produce", NULL, produce, NULL, NULL, NULL, napi_enumerable, NULL},
      {"run", NULL, run, NULL, NULL, NULL, napi_enumerable, NULL},
      {"errorName", NULL, error_name, NULL, NULL, NULL, napi_enumerable, NULL},
      {"librdkafkaVersion", NULL, version, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
