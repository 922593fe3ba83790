#include "parser/sequence_options.h"

#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/status_macros.h"
#include "base/strings.h"
#include "parser/internal/ddl_util.h"
#include "parser/node_util.h"
#include "parser/type_name.h"

namespace pgdrift::parser {
namespace {

// defGetInt64 (define.c): an Integer, or a Float node holding an integer too large for
// int32. Anything else is an error naming the option.
absl::StatusOr<int64_t> Int64Of(const PgQuery__DefElem& def_elem) {
  const PgQuery__Node* arg = def_elem.arg;
  if (arg == nullptr) {
    return absl::InvalidArgumentError(StrCat(def_elem.defname, " requires a numeric value"));
  }
  if (arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return arg->integer->ival;
  if (arg->node_case == PG_QUERY__NODE__NODE_FLOAT) {
    std::string text = arg->float_->fval;
    errno = 0;
    char* end = nullptr;
    long long value = std::strtoll(text.c_str(), &end, 10);
    if (end == text.c_str() || *end != '\0') {
      return absl::InvalidArgumentError(
          StrCat("invalid input syntax for type bigint: \"", text, "\""));
    }
    if (errno == ERANGE) {
      return absl::InvalidArgumentError(
          StrCat("value \"", text, "\" is out of range for type bigint"));
    }
    return static_cast<int64_t>(value);
  }
  return absl::InvalidArgumentError(StrCat(def_elem.defname, " requires a numeric value"));
}

// OWNED BY table.column / OWNED BY NONE (process_owned_by in sequence.c).
absl::Status OwnedBy(const PgQuery__DefElem& def_elem, std::optional<model::SequenceOwner>* owner) {
  std::vector<std::string> names;
  if (def_elem.arg != nullptr && def_elem.arg->node_case == PG_QUERY__NODE__NODE_LIST) {
    names = StringList(def_elem.arg->list->items, def_elem.arg->list->n_items);
  }
  if (names.size() == 1 && names[0] == "none") {
    owner->reset();
    return absl::OkStatus();
  }
  if (names.size() < 2) {
    return absl::InvalidArgumentError("invalid OWNED BY option");
  }
  model::SequenceOwner parsed;
  parsed.column = names.back();
  names.pop_back();
  parsed.table = names.size() == 1 ? model::QualifiedName{"", names[0]}
                                   : model::QualifiedName{names[names.size() - 2], names.back()};
  *owner = parsed;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<model::SequenceOptions> SequenceOptionsOf(PgQuery__Node* const* options,
                                                         size_t count,
                                                         const model::Catalog& catalog,
                                                         bool for_identity) {
  model::SequenceOptions result;
  std::vector<std::string> seen;
  for (size_t i = 0; i < count; ++i) {
    if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem& def_elem = *options[i]->def_elem;
    std::string name = def_elem.defname;
    PGDRIFT_RETURN_IF_ERROR(internal::CheckNotRepeated(name, &seen));
    if (name == "as") {
      if (def_elem.arg == nullptr || def_elem.arg->node_case != PG_QUERY__NODE__NODE_TYPE_NAME) {
        return absl::InvalidArgumentError("AS requires a type name");
      }
      PGDRIFT_ASSIGN_OR_RETURN(model::TypeRef type,
                               ResolveTypeName(*def_elem.arg->type_name, catalog));
      if (type.is_user_defined() || type.array ||
          (type.name != "smallint" && type.name != "integer" && type.name != "bigint")) {
        return absl::InvalidArgumentError("sequence type must be smallint, integer, or bigint");
      }
      result.data_type = type;
    } else if (name == "increment") {
      PGDRIFT_ASSIGN_OR_RETURN(result.increment, Int64Of(def_elem));
    } else if (name == "start") {
      PGDRIFT_ASSIGN_OR_RETURN(result.start, Int64Of(def_elem));
    } else if (name == "restart") {
      // RESTART without a value goes back to the start value; either way the model keeps
      // no current value, so only a given value is recorded.
      if (def_elem.arg != nullptr) {
        PGDRIFT_ASSIGN_OR_RETURN(result.restart, Int64Of(def_elem));
      }
    } else if (name == "minvalue" || name == "maxvalue") {
      std::optional<int64_t> bound;  // NO MINVALUE / NO MAXVALUE: no argument
      if (def_elem.arg != nullptr) {
        PGDRIFT_ASSIGN_OR_RETURN(bound, Int64Of(def_elem));
      }
      (name == "minvalue" ? result.min_value : result.max_value) = bound;
    } else if (name == "cache") {
      PGDRIFT_ASSIGN_OR_RETURN(result.cache, Int64Of(def_elem));
    } else if (name == "cycle") {
      bool cycle = def_elem.arg != nullptr &&
                   def_elem.arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN &&
                   def_elem.arg->boolean->boolval;
      result.cycle = cycle;
    } else if (name == "owned_by") {
      std::optional<model::SequenceOwner> owner;
      PGDRIFT_RETURN_IF_ERROR(OwnedBy(def_elem, &owner));
      result.owned_by = owner;
    } else if (name == "sequence_name") {
      if (!for_identity) return absl::InvalidArgumentError("invalid sequence option SEQUENCE NAME");
      // Kept qualified as written: the model puts an unqualified name in the table's
      // schema (generateSerialExtraStmts in parse_utilcmd.c).
      model::QualifiedName sequence_name;
      if (def_elem.arg != nullptr && def_elem.arg->node_case == PG_QUERY__NODE__NODE_LIST) {
        sequence_name = QualifiedNameOf(def_elem.arg->list);
      }
      result.sequence_name = sequence_name;
    } else {
      return absl::InvalidArgumentError(StrCat("option \"", name, "\" not recognized"));
    }
  }
  return result;
}

}  // namespace pgdrift::parser
