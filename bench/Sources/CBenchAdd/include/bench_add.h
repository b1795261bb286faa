/// Registers c_add(a, b), a plain Lua C function: the floor for any native call.
void bench_register_c_add(void *L);
