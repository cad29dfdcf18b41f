// yusuan/src.hpp -- the compiled part of yusuan, for separate compilation.
//
// Define YUSUAN_SEPARATE_COMPILATION in every translation unit and include
// this header in exactly one of them: the grammar (Spirit X3) and the
// compiler are then built once.  The CMake target yusuan::compiled does this.
#pragma once

#ifndef YUSUAN_SEPARATE_COMPILATION
#error "define YUSUAN_SEPARATE_COMPILATION before including <yusuan/src.hpp>"
#endif

#include <yusuan/compile.hpp>
#include <yusuan/compile/compile.ipp>
#include <yusuan/compile/templates.ipp>
#include <yusuan/format.hpp>
#include <yusuan/format/format.ipp>
