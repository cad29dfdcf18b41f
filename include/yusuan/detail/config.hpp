// yusuan/detail/config.hpp -- header-only or separately compiled.
//
// By default yusuan is header only: including <yusuan/compile.hpp> brings in
// the parser (Spirit X3) too.  A program with many translation units can
// define YUSUAN_SEPARATE_COMPILATION everywhere and include <yusuan/src.hpp>
// in exactly one of its own .cpp files; then only that file pays Spirit's
// compile time.
#pragma once

#ifdef YUSUAN_SEPARATE_COMPILATION
#define YUSUAN_DECL
#else
#define YUSUAN_DECL inline
#endif
