// Duktape (Debian's duktape-dev), the embeddable JavaScript engine mlmd runs KaTeX in at
// build time. Every call that can throw runs protected, so a JavaScript error comes back as
// a message and never reaches Duktape's fatal handler.
#include <duktape.h>
#include <stdlib.h>
#include <string.h>

static void mlmd_js_fatal(void *udata, const char *message) {
    (void)udata; (void)message;
    abort(); // unreachable: mlmd makes only protected calls
}

static inline duk_context *mlmd_js_new(void) {
    return duk_create_heap(NULL, NULL, NULL, NULL, mlmd_js_fatal);
}

static inline void mlmd_js_free(duk_context *ctx) { duk_destroy_heap(ctx); }

/// A malloc'ed copy of the message of the error on top of the stack, which is popped.
static inline char *mlmd_js_take_error(duk_context *ctx) {
    char *copy = strdup(duk_safe_to_string(ctx, -1));
    duk_pop(ctx);
    return copy;
}

static duk_ret_t mlmd_js_compile_dump_unsafe(duk_context *ctx, void *udata) {
    (void)udata;
    // stack: source, file name
    duk_compile(ctx, 0);
    duk_dump_function(ctx);
    return 1;
}

/// Compiles a script to Duktape bytecode: 0 with *bytes (free it) and *count set, or 1 with *error.
static inline int mlmd_js_compile(duk_context *ctx, const char *source, size_t length, const char *name,
                                  unsigned char **bytes, size_t *count, char **error) {
    duk_push_lstring(ctx, source, length);
    duk_push_string(ctx, name);
    if (duk_safe_call(ctx, mlmd_js_compile_dump_unsafe, NULL, 2, 1) != 0) { *error = mlmd_js_take_error(ctx); return 1; }
    duk_size_t size = 0;
    void *buffer = duk_get_buffer(ctx, -1, &size);
    *bytes = malloc(size > 0 ? size : 1);
    if (size > 0) memcpy(*bytes, buffer, size);
    *count = size;
    duk_pop(ctx);
    return 0;
}

static duk_ret_t mlmd_js_load_call_unsafe(duk_context *ctx, void *udata) {
    (void)udata;
    // stack: bytecode buffer
    duk_load_function(ctx);
    duk_call(ctx, 0);
    return 1;
}

/// Runs bytecode made by mlmd_js_compile with this Duktape: 0, or 1 with *error set.
static inline int mlmd_js_run_bytecode(duk_context *ctx, const unsigned char *bytes, size_t count, char **error) {
    void *buffer = duk_push_fixed_buffer(ctx, count);
    memcpy(buffer, bytes, count);
    if (duk_safe_call(ctx, mlmd_js_load_call_unsafe, NULL, 1, 1) != 0) { *error = mlmd_js_take_error(ctx); return 1; }
    duk_pop(ctx);
    return 0;
}

/// Calls the global function `name` with one string argument and one boolean, expecting a
/// string: 0 with *result set (free it), or 1 with *error set.
static inline int mlmd_js_call_string(duk_context *ctx, const char *name, const char *argument, size_t length,
                                      int flag, char **result, char **error) {
    if (!duk_get_global_string(ctx, name)) { duk_pop(ctx); *error = strdup("no such function"); return 1; }
    duk_push_lstring(ctx, argument, length);
    duk_push_boolean(ctx, flag);
    if (duk_pcall(ctx, 2) != 0) { *error = mlmd_js_take_error(ctx); return 1; }
    duk_size_t size = 0;
    const char *text = duk_safe_to_lstring(ctx, -1, &size);
    *result = malloc(size + 1);
    memcpy(*result, text, size);
    (*result)[size] = 0;
    duk_pop(ctx);
    return 0;
}
