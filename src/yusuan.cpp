// The compiled form of yusuan (CMake target yusuan::compiled): the grammar
// (Spirit X3) and the compiler, built once.  Programs that link it see
// YUSUAN_SEPARATE_COMPILATION and include only declarations.
#include <yusuan/src.hpp>
