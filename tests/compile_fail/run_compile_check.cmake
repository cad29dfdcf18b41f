# Run as: cmake -DCXX=<compiler> -DSOURCE=<file.cpp> -DINCLUDES=<dir|dir|...>
#               -DEXPECT=<fail|pass> [-DPATTERN=<regex>] -P run_compile_check.cmake
#
# EXPECT=pass: the file must compile cleanly (-Wall -Wextra -Wpedantic -Werror).
# EXPECT=fail: the file must fail to compile, with every error on the line
# marked `// COMPILE_FAIL_LINE`, and diagnostics matching PATTERN.  A failure
# for any other reason (a missing header, a typo elsewhere) makes the test
# fail.  With -DCHECK_DISABLED=ON the file is also compiled with
# -DYUSUAN_COMPILE_FAIL_DISABLE (which hides the offending line) and must pass.
cmake_minimum_required(VERSION 3.25)

foreach(var CXX SOURCE INCLUDES EXPECT)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run_compile_check: ${var} is not set")
  endif()
endforeach()

string(REPLACE "|" ";" include_dirs "${INCLUDES}")
set(args -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror)
foreach(dir IN LISTS include_dirs)
  if(NOT dir STREQUAL "")
    list(APPEND args "-I${dir}")
  endif()
endforeach()

function(compile out_result out_output)
  execute_process(
    COMMAND "${CXX}" ${args} ${ARGN} "${SOURCE}"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
  set(${out_result} "${result}" PARENT_SCOPE)
  set(${out_output} "${output}" PARENT_SCOPE)
endfunction()

get_filename_component(name "${SOURCE}" NAME)

if(EXPECT STREQUAL "pass")
  compile(result output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${name} was expected to compile but did not:\n${output}")
  endif()
  message(STATUS "${name} compiles, as expected")
  return()
endif()

if(NOT EXPECT STREQUAL "fail")
  message(FATAL_ERROR "run_compile_check: EXPECT must be pass or fail, not '${EXPECT}'")
endif()
if(NOT DEFINED PATTERN OR PATTERN STREQUAL "")
  message(FATAL_ERROR "run_compile_check: PATTERN is required with EXPECT=fail")
endif()

# Find the marked line (file(READ), not file(STRINGS), which would split
# lines at non-ASCII bytes and skip empty ones).
file(READ "${SOURCE}" content)
string(FIND "${content}" "// COMPILE_FAIL_LINE" first)
string(FIND "${content}" "// COMPILE_FAIL_LINE" last REVERSE)
if(first EQUAL -1)
  message(FATAL_ERROR "${name}: no line is marked // COMPILE_FAIL_LINE")
endif()
if(NOT first EQUAL last)
  message(FATAL_ERROR "${name}: more than one line is marked COMPILE_FAIL_LINE")
endif()
string(SUBSTRING "${content}" 0 ${first} before)
string(REGEX MATCHALL "\n" newlines "${before}")
list(LENGTH newlines marked)
math(EXPR marked "${marked} + 1")

# Compile once; it must fail, and every error must be on the marked line (so
# the rest of the file is valid, warnings included, since -Werror is on) and
# match PATTERN.  A missing header or a typo elsewhere fails the test.
compile(result output)
if(result EQUAL 0)
  message(FATAL_ERROR "${name} compiled, but line ${marked} must be rejected:\n${output}")
endif()
if(output MATCHES "fatal error")
  message(FATAL_ERROR "${name} failed for another reason (fatal error):\n${output}")
endif()
# (Test file names contain only letters, digits, '_' and '.', so the name is used as a regex.)
string(REPLACE ";" "," flat "${output}")  # keep list splitting to lines
string(REGEX MATCHALL "[^\n]*: error:[^\n]*" errors "${flat}")
list(LENGTH errors error_count)
if(error_count EQUAL 0)
  message(FATAL_ERROR "${name} failed to compile without any error diagnostic:\n${output}")
endif()
foreach(error IN LISTS errors)
  if(NOT error MATCHES "${name}:${marked}:[0-9]+: error:")
    message(FATAL_ERROR "${name}: an error outside line ${marked}, so the failure proves nothing:\n${output}")
  endif()
endforeach()
if(NOT output MATCHES "${PATTERN}")
  message(FATAL_ERROR "${name} failed at line ${marked}, but the diagnostics do not match '${PATTERN}':\n${output}")
endif()

# Optional second proof: without the offending line the file compiles.
if(CHECK_DISABLED)
  compile(result output -DYUSUAN_COMPILE_FAIL_DISABLE)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${name} does not compile even without its offending line:\n${output}")
  endif()
endif()
message(STATUS "${name} is rejected at line ${marked}, as expected")
