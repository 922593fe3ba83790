#include "model/sequence.h"

#include <cstdint>
#include <limits>

#include "base/strings.h"

namespace pgdrift::model {
namespace {

// The integer types a sequence can have, with their bounds (pg_sequence.seqtypid).
struct SequenceType {
  std::string_view name;
  int64_t min;
  int64_t max;
};

constexpr SequenceType kSequenceTypes[] = {
    {"smallint", std::numeric_limits<int16_t>::min(), std::numeric_limits<int16_t>::max()},
    {"integer", std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max()},
    {"bigint", std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()},
};

const SequenceType* FindSequenceType(const TypeRef& type) {
  if (type.is_user_defined() || type.array) return nullptr;
  for (const SequenceType& candidate : kSequenceTypes) {
    if (type.name == candidate.name) return &candidate;
  }
  return nullptr;
}

}  // namespace

// Follows init_params() in src/backend/commands/sequence.c, clause by clause.
std::string ApplySequenceOptions(const SequenceOptions& options, bool creating,
                                 Sequence* sequence) {
  Sequence& seq = *sequence;
  bool reset_max = false;
  bool reset_min = false;

  // AS data_type
  if (options.data_type.has_value()) {
    const SequenceType* new_type = FindSequenceType(*options.data_type);
    if (new_type == nullptr) return "sequence type must be smallint, integer, or bigint";
    if (!creating) {
      // Bounds that were the old type's own follow the new type; explicit ones stay.
      if (const SequenceType* old_type = FindSequenceType(seq.data_type)) {
        reset_max = seq.max_value == old_type->max;
        reset_min = seq.min_value == old_type->min;
      }
    }
    seq.data_type = TypeRef::Builtin(std::string(new_type->name));
  } else if (creating) {
    seq.data_type = TypeRef::Builtin("bigint");
  }
  const SequenceType* type = FindSequenceType(seq.data_type);
  if (type == nullptr) return "sequence type must be smallint, integer, or bigint";

  // INCREMENT BY
  if (options.increment.has_value()) {
    if (*options.increment == 0) return "INCREMENT must not be zero";
    seq.increment = *options.increment;
  } else if (creating) {
    seq.increment = 1;
  }

  // CYCLE
  if (options.cycle.has_value()) {
    seq.cycle = *options.cycle;
  } else if (creating) {
    seq.cycle = false;
  }

  // MAXVALUE / NO MAXVALUE
  if (options.max_value.has_value() && options.max_value->has_value()) {
    seq.max_value = **options.max_value;
  } else if (creating || options.max_value.has_value() || reset_max) {
    seq.max_value = (seq.increment > 0 || reset_max) ? type->max : -1;
  }
  if (seq.max_value < type->min || seq.max_value > type->max) {
    return StrCat("MAXVALUE (", seq.max_value, ") is out of range for sequence data type ",
                  type->name);
  }

  // MINVALUE / NO MINVALUE
  if (options.min_value.has_value() && options.min_value->has_value()) {
    seq.min_value = **options.min_value;
  } else if (creating || options.min_value.has_value() || reset_min) {
    seq.min_value = (seq.increment < 0 || reset_min) ? type->min : 1;
  }
  if (seq.min_value < type->min || seq.min_value > type->max) {
    return StrCat("MINVALUE (", seq.min_value, ") is out of range for sequence data type ",
                  type->name);
  }

  if (seq.min_value >= seq.max_value) {
    return StrCat("MINVALUE (", seq.min_value, ") must be less than MAXVALUE (", seq.max_value,
                  ")");
  }

  // START WITH
  if (options.start.has_value()) {
    seq.start = *options.start;
  } else if (creating) {
    seq.start = seq.increment > 0 ? seq.min_value : seq.max_value;
  }
  if (seq.start < seq.min_value) {
    return StrCat("START value (", seq.start, ") cannot be less than MINVALUE (", seq.min_value,
                  ")");
  }
  if (seq.start > seq.max_value) {
    return StrCat("START value (", seq.start, ") cannot be greater than MAXVALUE (", seq.max_value,
                  ")");
  }

  // RESTART [WITH]: checked against the bounds, but the model keeps no current value.
  if (options.restart.has_value()) {
    if (*options.restart < seq.min_value) {
      return StrCat("RESTART value (", *options.restart, ") cannot be less than MINVALUE (",
                    seq.min_value, ")");
    }
    if (*options.restart > seq.max_value) {
      return StrCat("RESTART value (", *options.restart, ") cannot be greater than MAXVALUE (",
                    seq.max_value, ")");
    }
  }

  // CACHE
  if (options.cache.has_value()) {
    if (*options.cache <= 0) {
      return StrCat("CACHE (", *options.cache, ") must be greater than zero");
    }
    seq.cache = *options.cache;
  } else if (creating) {
    seq.cache = 1;
  }
  return "";
}

}  // namespace pgdrift::model
