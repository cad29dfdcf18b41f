// Must not compile: money m = 5; (no implicit conversion from an integer: 5 元 or 5 分?)
#include <yusuan/money.hpp>

int main() {
  using yusuan::money;
  [[maybe_unused]] const money m = money::parse("1.00");
#ifndef YUSUAN_COMPILE_FAIL_DISABLE
  [[maybe_unused]] money r = 5;  // COMPILE_FAIL_LINE
#endif
  return 0;
}
