// The compiled part of yusuan for the project's own programs and tests
// (separate compilation: the parser is built once, here).
#include <yusuan/src.hpp>
