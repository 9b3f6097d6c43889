// The statement caches define functions of libsqlite3 and libpq in front of the libraries' own and
// call through to them: LIANDONG_NEXT(PQexec)(conn, query) calls libpq's PQexec.
#pragma once

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>

namespace liandong::db {

// The next definition of `Function` after this executable's, looked up once. Aborts when there is
// none, since then no statement could run.
template <auto Function>
decltype(Function) NextDefinition(const char* name) {
  static const auto next = [name] {
    void* found = dlsym(RTLD_NEXT, name);
    if (found == nullptr) {
      std::fprintf(stderr, "liandong: %s not found in its library\n", name);
      std::abort();
    }
    return reinterpret_cast<decltype(Function)>(found);
  }();
  return next;
}

}  // namespace liandong::db

#define LIANDONG_NEXT(function) ::liandong::db::NextDefinition<&function>(#function)
