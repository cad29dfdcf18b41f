# Compile-fail tests for yusuan/money.hpp: code that must not compile (money
# mixed with floating point, money times money, implicit construction) and a
# control file that must compile.  Each case is checked by
# run_compile_check.cmake, which also proves that the failure comes from the
# marked line and not from something unrelated such as a missing header.

set(_yusuan_cf_dir "${CMAKE_CURRENT_LIST_DIR}")

# Include directories: yusuan's own, then Boost's (from the imported target,
# falling back to Boost_INCLUDE_DIRS).
set(_yusuan_cf_includes "${PROJECT_SOURCE_DIR}/include")
if(TARGET Boost::headers)
  get_target_property(_yusuan_cf_boost Boost::headers INTERFACE_INCLUDE_DIRECTORIES)
endif()
if(NOT _yusuan_cf_boost)
  set(_yusuan_cf_boost ${Boost_INCLUDE_DIRS})
endif()
list(APPEND _yusuan_cf_includes ${_yusuan_cf_boost})
list(JOIN _yusuan_cf_includes "|" _yusuan_cf_includes)

# yusuan_compile_check(<test name> <source> <pass|fail> [<regex>])
function(yusuan_compile_check test_name source expect)
  set(pattern "${ARGV3}")
  add_test(NAME ${test_name}
    COMMAND ${CMAKE_COMMAND}
      "-DCXX=${CMAKE_CXX_COMPILER}"
      "-DSOURCE=${_yusuan_cf_dir}/${source}"
      "-DINCLUDES=${_yusuan_cf_includes}"
      "-DEXPECT=${expect}"
      "-DPATTERN=${pattern}"
      -P "${_yusuan_cf_dir}/run_compile_check.cmake")
  set_tests_properties(${test_name} PROPERTIES LABELS compile TIMEOUT 600)
endfunction()

yusuan_compile_check(compile_ok.control control.cpp pass)

# Floating point never meets money: the deleted operators must be chosen.
yusuan_compile_check(compile_fail.money_plus_double money_plus_double.cpp fail "deleted|no match for [^ ]*operator\\+")
yusuan_compile_check(compile_fail.double_plus_money double_plus_money.cpp fail "deleted|no match for [^ ]*operator\\+")
yusuan_compile_check(compile_fail.money_minus_double money_minus_double.cpp fail "deleted|no match for [^ ]*operator-")
yusuan_compile_check(compile_fail.money_times_double money_times_double.cpp fail "deleted|no match for [^ ]*operator\\*")
yusuan_compile_check(compile_fail.money_times_money money_times_money.cpp fail "no match for [^ ]*operator\\*|invalid operands")
yusuan_compile_check(compile_fail.money_from_double money_from_double.cpp fail
  "no matching function|no matching constructor|cannot convert|conversion from")
yusuan_compile_check(compile_fail.money_from_int money_from_int.cpp fail
  "conversion from [^ ]*int[^ ]* to non-scalar type|no viable conversion|cannot convert")
yusuan_compile_check(compile_fail.money_plus_int money_plus_int.cpp fail "no match for [^ ]*operator\\+|invalid operands")
yusuan_compile_check(compile_fail.money_times_bool money_times_bool.cpp fail "no match for [^ ]*operator\\*|invalid operands")
