// Must not compile: constructing money from a double
#include <yusuan/money.hpp>

int main() {
  using yusuan::money;
  [[maybe_unused]] const money m = money::parse("1.00");
#ifndef YUSUAN_COMPILE_FAIL_DISABLE
  [[maybe_unused]] money r(1.5);  // COMPILE_FAIL_LINE
#endif
  return 0;
}
