include(CMakePackageConfigHelpers)

install(TARGETS yusuan yusuan_compiled EXPORT yusuan-targets)
install(DIRECTORY include/yusuan DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# The standard library (导入 <std/…>): measures, rules, templates and the catalogs.
# Installed with the program too (component "program": cmake --install … --component program).
install(DIRECTORY budgets/std DESTINATION ${CMAKE_INSTALL_DATADIR}/yusuan/budgets COMPONENT program)

set(YUSUAN_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/yusuan)
install(EXPORT yusuan-targets
  NAMESPACE yusuan::
  FILE yusuan-targets.cmake
  DESTINATION ${YUSUAN_CMAKE_DIR})

configure_package_config_file(
  ${CMAKE_CURRENT_LIST_DIR}/yusuan-config.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/yusuan-config.cmake
  INSTALL_DESTINATION ${YUSUAN_CMAKE_DIR})
write_basic_package_version_file(
  ${CMAKE_CURRENT_BINARY_DIR}/yusuan-config-version.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion
  ARCH_INDEPENDENT)
install(FILES
  ${CMAKE_CURRENT_BINARY_DIR}/yusuan-config.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/yusuan-config-version.cmake
  DESTINATION ${YUSUAN_CMAKE_DIR})
