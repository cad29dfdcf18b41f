# Header tests: a consumer includes every public header, header-only and in
# separate compilation (YUSUAN_SEPARATE_COMPILATION and <yusuan/src.hpp>), and
# gets no warning at -Wall -Wextra -Wpedantic: with the build's compiler and,
# where one is installed, with clang, whose warnings differ (it flags, for
# instance, `a >> b > c` in a grammar without parentheses).  The translation
# unit is written at configure time from the headers in include/yusuan/, so a
# new header is covered without listing it.

file(GLOB _yusuan_public_headers CONFIGURE_DEPENDS
  RELATIVE "${PROJECT_SOURCE_DIR}/include" "${PROJECT_SOURCE_DIR}/include/yusuan/*.hpp")
list(REMOVE_ITEM _yusuan_public_headers "yusuan/src.hpp")
list(SORT _yusuan_public_headers)

set(_yusuan_every_header "// Written by tests/headers/headers.cmake: every public header of yusuan.\n")
foreach(header IN LISTS _yusuan_public_headers)
  string(APPEND _yusuan_every_header "#include <${header}>\n")
endforeach()
string(APPEND _yusuan_every_header "#ifdef YUSUAN_SEPARATE_COMPILATION\n#include <yusuan/src.hpp>\n#endif\n")
string(APPEND _yusuan_every_header "int main() { return 0; }\n")
set(_yusuan_every_header_cpp "${CMAKE_CURRENT_BINARY_DIR}/headers/every_header.cpp")
file(CONFIGURE OUTPUT "${_yusuan_every_header_cpp}" CONTENT "${_yusuan_every_header}" @ONLY)

# Include directories: yusuan's, Boost's and GoogleTest's (for <yusuan/testing.hpp>).
set(_yusuan_header_includes "-I${PROJECT_SOURCE_DIR}/include")
foreach(target IN ITEMS Boost::headers GTest::gtest GTest::gmock)
  if(TARGET ${target})
    get_target_property(dirs ${target} INTERFACE_INCLUDE_DIRECTORIES)
    foreach(dir IN LISTS dirs)
      # not a compiler's own directory (/usr/include): -isystem would reorder it
      if(dir AND NOT dir IN_LIST CMAKE_CXX_IMPLICIT_INCLUDE_DIRECTORIES)
        list(APPEND _yusuan_header_includes "-isystem${dir}")
      endif()
    endforeach()
  endif()
endforeach()

set(_yusuan_header_compilers "${CMAKE_CXX_COMPILER_ID}=${CMAKE_CXX_COMPILER}")
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  find_program(YUSUAN_CLANGXX NAMES clang++ clang++-16 clang++-15 clang++-14
    DOC "clang, to check that yusuan's headers compile without warnings with it too")
  if(YUSUAN_CLANGXX)
    list(APPEND _yusuan_header_compilers "Clang=${YUSUAN_CLANGXX}")
  endif()
endif()

foreach(entry IN LISTS _yusuan_header_compilers)
  string(REPLACE "=" ";" entry "${entry}")
  list(GET entry 0 id)
  list(GET entry 1 compiler)
  string(TOLOWER "${id}" id)
  foreach(mode IN ITEMS header_only separate)
    set(defs "")
    if(mode STREQUAL "separate")
      set(defs "-DYUSUAN_SEPARATE_COMPILATION")
    endif()
    add_test(NAME headers.no_warnings.${id}.${mode}
      COMMAND "${compiler}" -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror ${defs}
        ${_yusuan_header_includes} "${_yusuan_every_header_cpp}")
    set_tests_properties(headers.no_warnings.${id}.${mode} PROPERTIES LABELS compile TIMEOUT 600)
  endforeach()
endforeach()

# Each header on its own, header-only: it compiles without the others, and
# every function it declares is defined by what it includes (gcc's "inline
# function used but never defined" is an error here), so that a consumer who
# includes only <yusuan/tables/check_notes.hpp> links.  One test a header,
# with the build's compiler; written at configure time from the headers.
file(GLOB_RECURSE _yusuan_all_headers CONFIGURE_DEPENDS
  RELATIVE "${PROJECT_SOURCE_DIR}/include" "${PROJECT_SOURCE_DIR}/include/yusuan/*.hpp")
list(REMOVE_ITEM _yusuan_all_headers "yusuan/src.hpp")
list(SORT _yusuan_all_headers)
foreach(header IN LISTS _yusuan_all_headers)
  string(REGEX REPLACE "^yusuan/(.*)\\.hpp$" "\\1" name "${header}")
  string(REPLACE "/" "." name "${name}")
  set(cpp "${CMAKE_CURRENT_BINARY_DIR}/headers/alone/${name}.cpp")
  file(CONFIGURE OUTPUT "${cpp}" CONTENT "// Written by tests/headers/headers.cmake.\n#include <${header}>\n" @ONLY)
  add_test(NAME headers.alone.${name}
    COMMAND "${CMAKE_CXX_COMPILER}" -std=c++20 -fsyntax-only -Wall -Wextra -Werror ${_yusuan_header_includes} "${cpp}")
  set_tests_properties(headers.alone.${name} PROPERTIES LABELS compile TIMEOUT 600)
endforeach()
