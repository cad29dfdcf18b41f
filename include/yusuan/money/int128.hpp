// yusuan/money/int128.hpp -- yusuan::int128, a signed 128-bit integer.
//
// Products and quotients of amounts are computed in 128 bits, so that
// `a * b / c` cannot overflow on the way, and money_sum keeps its total in
// 128 bits.  int128 is the compiler's __int128 where there is one (GCC and
// Clang on 64-bit targets) and Boost.Multiprecision's int128_t elsewhere; only
// then is Boost.Multiprecision included.  Defining YUSUAN_NO_NATIVE_INT128
// chooses Boost.Multiprecision even where __int128 exists; define it for the
// whole program (target_compile_definitions), not for some files only, since
// the two are laid out differently.
//
// The range is [-2^127, 2^127 - 1] with either.  As with the built-in
// integers, a result outside the range, a division by zero and a conversion
// to a type the value does not fit are errors of the caller: the library
// checks its operands before it computes.
#pragma once

#include <compare>
#include <concepts>
#include <cstdint>
#include <iosfwd>
#include <string>

#if defined(__SIZEOF_INT128__) && !defined(YUSUAN_NO_NATIVE_INT128)
#define YUSUAN_DETAIL_NATIVE_INT128 1
#else
#define YUSUAN_DETAIL_NATIVE_INT128 0
#include <boost/multiprecision/cpp_int.hpp>
#endif

namespace yusuan {

namespace detail {
#if YUSUAN_DETAIL_NATIVE_INT128
__extension__ typedef __int128 int128_rep;  // __extension__: no -Wpedantic warning
__extension__ typedef unsigned __int128 uint128_rep;
#else
using int128_rep = boost::multiprecision::int128_t;
#endif
}  // namespace detail

/// A signed 128-bit integer: what the library needs of one, with the
/// arithmetic and comparisons of a built-in integer.  Every built-in integer
/// converts to it implicitly; the way back is an explicit conversion, after
/// fits_int64() or a check of its own.
class int128 {
public:
  /// Whether this build uses the compiler's __int128 (else Boost.Multiprecision).
  static constexpr bool is_native = YUSUAN_DETAIL_NATIVE_INT128 != 0;

  int128() noexcept = default;
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  int128(I v) noexcept : v_(v) {}  // implicit, as between built-in integers

  /// 2^127 - 1 and -2^127.
  static int128 max() noexcept { return -(min() + 1); }
  static int128 min() noexcept {
#if YUSUAN_DETAIL_NATIVE_INT128
    return from_rep(static_cast<detail::int128_rep>(detail::uint128_rep{1} << 127));
#else
    return from_rep(-(detail::int128_rep(1) << 127));
#endif
  }

  /// Whether the value is in the range of std::int64_t.
  bool fits_int64() const noexcept { return v_ >= INT64_MIN && v_ <= INT64_MAX; }

  /// The value as a built-in integer, which must be able to hold it.
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  explicit operator I() const noexcept {
    return static_cast<I>(v_);
  }

  friend int128 operator+(int128 a, int128 b) noexcept { return from_rep(a.v_ + b.v_); }
  friend int128 operator-(int128 a, int128 b) noexcept { return from_rep(a.v_ - b.v_); }
  friend int128 operator*(int128 a, int128 b) noexcept { return from_rep(a.v_ * b.v_); }
  /// Quotient truncated toward zero, as for the built-in integers.
  friend int128 operator/(int128 a, int128 b) noexcept { return from_rep(a.v_ / b.v_); }
  /// Remainder with the sign of the dividend: a == a / b * b + a % b.
  friend int128 operator%(int128 a, int128 b) noexcept { return from_rep(a.v_ % b.v_); }
  friend int128 operator-(int128 a) noexcept { return from_rep(-a.v_); }
  friend int128 operator+(int128 a) noexcept { return a; }
  int128& operator+=(int128 b) noexcept { return *this = *this + b; }
  int128& operator-=(int128 b) noexcept { return *this = *this - b; }
  int128& operator*=(int128 b) noexcept { return *this = *this * b; }
  int128& operator/=(int128 b) noexcept { return *this = *this / b; }
  int128& operator%=(int128 b) noexcept { return *this = *this % b; }

  friend bool operator==(int128 a, int128 b) noexcept { return a.v_ == b.v_; }
  friend std::strong_ordering operator<=>(int128 a, int128 b) noexcept {
    if (a.v_ < b.v_) return std::strong_ordering::less;
    return a.v_ == b.v_ ? std::strong_ordering::equal : std::strong_ordering::greater;
  }

  friend int128 abs(int128 a) noexcept { return a.v_ < 0 ? -a : a; }

  /// Decimal digits with a leading '-' when negative ("-46116860184273879040").
  std::string to_string() const {
#if YUSUAN_DETAIL_NATIVE_INT128
    char buf[40];  // 2^127 has 39 digits
    char* const end = buf + sizeof buf;
    char* p = end;
    detail::uint128_rep m = v_ < 0 ? detail::uint128_rep{0} - static_cast<detail::uint128_rep>(v_)
                                   : static_cast<detail::uint128_rep>(v_);
    do {
      *--p = static_cast<char>('0' + static_cast<int>(m % 10));
      m /= 10;
    } while (m != 0);
    if (v_ < 0) *--p = '-';
    return std::string(p, end);
#else
    return v_.str();
#endif
  }

  /// A template, so that only code that writes to a stream needs <ostream>.
  template <class CharT, class Traits>
  friend std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const int128& v) {
    return os << v.to_string();
  }

private:
  static int128 from_rep(detail::int128_rep v) noexcept {
    int128 r;
    r.v_ = v;
    return r;
  }

  detail::int128_rep v_ = 0;
};

}  // namespace yusuan

#undef YUSUAN_DETAIL_NATIVE_INT128
