// yusuan/src.hpp -- the compiled part of yusuan, for separate compilation.
//
// Define YUSUAN_SEPARATE_COMPILATION in every translation unit and include
// this header in exactly one of them: the grammar (Spirit X3) and the
// compiler are then built once.
#pragma once

#ifndef YUSUAN_SEPARATE_COMPILATION
#error "define YUSUAN_SEPARATE_COMPILATION before including <yusuan/src.hpp>"
#endif

#include <yusuan/compile.hpp>
#include <yusuan/impl/compile.ipp>
#include <yusuan/detail/grammar_def.hpp>
