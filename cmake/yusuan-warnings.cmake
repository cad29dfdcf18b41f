# Warning flags for yusuan's own targets (tests, examples, tools, benchmarks).
# The library target itself carries no warning flags, so consumers are never
# affected by them.
function(yusuan_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(YUSUAN_DEVELOPER_MODE)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
