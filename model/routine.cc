#include "model/routine.h"

#include "base/strings.h"

namespace pgdrift::model {

std::string Routine::IdentityArgs() const {
  std::vector<std::string> types;
  for (const RoutineArg& arg : args) {
    if (IsInputArg(arg.mode)) types.push_back(arg.type.ToString());
  }
  return StrJoin(types, ", ");
}

std::string_view VolatilityName(Volatility volatility) {
  switch (volatility) {
    case Volatility::kVolatile:
      return "volatile";
    case Volatility::kStable:
      return "stable";
    case Volatility::kImmutable:
      return "immutable";
  }
  return "volatile";
}

std::string_view ParallelSafetyName(ParallelSafety parallel) {
  switch (parallel) {
    case ParallelSafety::kUnsafe:
      return "unsafe";
    case ParallelSafety::kRestricted:
      return "restricted";
    case ParallelSafety::kSafe:
      return "safe";
  }
  return "unsafe";
}

std::string_view ArgModeName(ArgMode mode) {
  switch (mode) {
    case ArgMode::kIn:
      return "in";
    case ArgMode::kOut:
      return "out";
    case ArgMode::kInOut:
      return "inout";
    case ArgMode::kVariadic:
      return "variadic";
    case ArgMode::kTable:
      return "table";
  }
  return "in";
}

bool IsInputArg(ArgMode mode) {
  return mode == ArgMode::kIn || mode == ArgMode::kInOut || mode == ArgMode::kVariadic;
}

ObjectId RoutineId(const Routine& routine) {
  ObjectId id = ObjectId::Of(routine.procedure ? ObjectKind::kProcedure : ObjectKind::kFunction,
                             routine.name);
  id.args = routine.IdentityArgs();
  return id;
}

}  // namespace pgdrift::model
