// Overloaded: a visitor made of lambdas, one per alternative of a std::variant:
//   std::visit(Overloaded{[](int n) { … }, [](const std::string& s) { … }}, value);
#ifndef PGDRIFT_BASE_OVERLOADED_H_
#define PGDRIFT_BASE_OVERLOADED_H_

namespace pgdrift {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace pgdrift

#endif  // PGDRIFT_BASE_OVERLOADED_H_
