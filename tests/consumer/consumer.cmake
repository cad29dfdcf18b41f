# Consumer tests: build tests/consumer/project against yusuan as a user would,
# once through find_package (after installing yusuan into a temporary prefix)
# and once through add_subdirectory.  See run-consumer.cmake.
#
# Only the compiler and generator are passed on; the calling build's flags
# (e.g. the asan preset's -fsanitize) are not.
string(REPLACE ";" "|" yusuan_consumer_prefix_path "${CMAKE_PREFIX_PATH}")
if(YUSUAN_DEVELOPER_MODE)
  set(yusuan_consumer_werror ON)
else()
  set(yusuan_consumer_werror OFF)
endif()

foreach(mode IN ITEMS find_package add_subdirectory)
  add_test(NAME consumer.${mode}
    COMMAND "${CMAKE_COMMAND}"
      "-DMODE=${mode}"
      "-DYUSUAN_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
      "-DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/consumer/${mode}"
      "-DCXX_COMPILER=${CMAKE_CXX_COMPILER}"
      "-DGENERATOR=${CMAKE_GENERATOR}"
      "-DGENERATOR_PLATFORM=${CMAKE_GENERATOR_PLATFORM}"
      "-DGENERATOR_TOOLSET=${CMAKE_GENERATOR_TOOLSET}"
      "-DMAKE_PROGRAM=${CMAKE_MAKE_PROGRAM}"
      "-DCONFIG=$<CONFIG>"
      "-DVERSION=${PROJECT_VERSION}"
      "-DWERROR=${yusuan_consumer_werror}"
      "-DBOOST_DIR=${Boost_DIR}"
      "-DPREFIX_PATH=${yusuan_consumer_prefix_path}"
      -P "${CMAKE_CURRENT_LIST_DIR}/run-consumer.cmake")
  set_tests_properties(consumer.${mode} PROPERTIES
    LABELS consumer
    TIMEOUT 600)
endforeach()
